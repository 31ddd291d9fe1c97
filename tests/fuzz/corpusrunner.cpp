// The normal compiler's stand-in for libFuzzer: runs every file of the corpus directories (or
// single files) named on the command line through the target's LLVMFuzzerTestOneInput, once,
// in name order. A broken property aborts (Fuzz::fail), which fails the CTest test; the name
// of the input being run is printed first, so the failing file is the last one named.

#include "fuzzcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {

bool runFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return false;
    }
    const QByteArray input = file.readAll();
    std::fprintf(stderr, "input %s (%lld bytes)\n", qPrintable(path), qlonglong(input.size()));
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                           size_t(input.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    int ran = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : names) {
                if (!runFile(dir.filePath(name)))
                    return 1;
                ++ran;
            }
        } else {
            if (!runFile(path))
                return 1;
            ++ran;
        }
    }
    // An empty or missing corpus would make the test pass without testing anything.
    if (ran == 0) {
        std::fprintf(stderr, "no inputs found\n");
        return 1;
    }
    std::fprintf(stderr, "%d inputs ran, every property held\n", ran);
    return 0;
}
