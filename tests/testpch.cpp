// Nothing to compile: webexdesk-testpch exists for the precompiled Qt headers that the tests
// reuse (tests/CMakeLists.txt, cmake/PrecompiledQtHeaders.cmake).
