#include <QtTest>
class TestEmulator : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
