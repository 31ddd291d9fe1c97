#include "files/downloadfile.h"
#include "files/safefilename.h"
#include "hostilefilenames.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestDownloadFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_folder; // a fresh "Downloads" inside m_root for each test

private slots:
    void init()
    {
        QVERIFY(m_root.isValid());
        m_folder =
            m_root.filePath(QStringLiteral("Downloads-%1").arg(QTest::currentTestFunction()));
        if (QTest::currentDataTag())
            m_folder += u'-' + QString::number(qHash(QString::fromUtf8(QTest::currentDataTag())));
        QDir(m_folder).removeRecursively();
    }

    void writeAndFinishGivesTheName()
    {
        DownloadFile download;
        QString error;
        QVERIFY2(download.begin(m_folder, QStringLiteral("report.pdf"), &error), qPrintable(error));
        QVERIFY(download.isOpen());
        const QString canonical = QFileInfo(m_folder).canonicalFilePath();
        QCOMPARE(download.partPath(), canonical + QStringLiteral("/report.pdf.part"));
        QVERIFY(QFileInfo(download.partPath()).isFile());
        QVERIFY(download.write("hello ", &error));
        QVERIFY(download.write("world", &error));
        QVERIFY(download.write(QByteArray(), &error));
        QCOMPARE(download.written(), 11);

        const QString path = download.finish(&error);
        QCOMPARE(path, canonical + QStringLiteral("/report.pdf"));
        QCOMPARE(contents(path), QByteArray("hello world"));
        QVERIFY(!download.isOpen());
        QVERIFY(download.partPath().isEmpty());
        QCOMPARE(entries(m_folder), QStringList{QStringLiteral("report.pdf")});
    }

    void missingFoldersAreCreated()
    {
        const QString folder = m_folder + QStringLiteral("/a/b");
        DownloadFile download;
        QString error;
        QVERIFY2(download.begin(folder, QStringLiteral("x.txt"), &error), qPrintable(error));
        QVERIFY(!download.finish(&error).isEmpty());
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/x.txt")));
    }

    void emptyDownloadIsAFile()
    {
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("empty.txt"), &error));
        const QString path = download.finish(&error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void defaultPermissions()
    {
#ifdef Q_OS_UNIX
        const mode_t previous = ::umask(022);
        DownloadFile download;
        QString error;
        const bool begun = download.begin(m_folder, QStringLiteral("shared.txt"), &error);
        ::umask(previous);
        QVERIFY(begun);
        const QString path = download.finish(&error);
        // The user's default (here 0644): it is their file, not a secret of the app.
        QVERIFY(QFileInfo(path).permissions().testFlag(QFileDevice::ReadGroup));
        QVERIFY(QFileInfo(path).permissions().testFlag(QFileDevice::ReadOther));
#else
        QSKIP("umask is a Unix notion");
#endif
    }

    void conflictGivesNumberedName()
    {
        QVERIFY(QDir().mkpath(m_folder));
        QVERIFY(writeFile(m_folder + QStringLiteral("/report.pdf"), "old"));
        QVERIFY(writeFile(m_folder + QStringLiteral("/archive.tar.gz"), "old"));
        QVERIFY(writeFile(m_folder + QStringLiteral("/archive (1).tar.gz"), "old"));

        DownloadFile report;
        QString error;
        QVERIFY(report.begin(m_folder, QStringLiteral("report.pdf"), &error));
        QVERIFY(report.write("new", &error));
        const QString reportPath = report.finish(&error);
        QCOMPARE(QFileInfo(reportPath).fileName(), QStringLiteral("report (1).pdf"));
        QCOMPARE(contents(reportPath), QByteArray("new"));

        DownloadFile archive;
        QVERIFY(archive.begin(m_folder, QStringLiteral("archive.tar.gz"), &error));
        QCOMPARE(QFileInfo(archive.finish(&error)).fileName(),
                 QStringLiteral("archive (2).tar.gz"));

        QCOMPARE(contents(m_folder + QStringLiteral("/report.pdf")), QByteArray("old"));
        QCOMPARE(contents(m_folder + QStringLiteral("/archive.tar.gz")), QByteArray("old"));
        QCOMPARE(contents(m_folder + QStringLiteral("/archive (1).tar.gz")), QByteArray("old"));
    }

    void twoDownloadsOfOneNameAtOnce()
    {
        DownloadFile first;
        DownloadFile second;
        QString error;
        QVERIFY(first.begin(m_folder, QStringLiteral("photo.jpg"), &error));
        QVERIFY(second.begin(m_folder, QStringLiteral("photo.jpg"), &error));
        QVERIFY(first.partPath() != second.partPath());
        QCOMPARE(QFileInfo(first.partPath()).fileName(), QStringLiteral("photo.jpg.part"));
        QCOMPARE(QFileInfo(second.partPath()).fileName(), QStringLiteral("photo (1).jpg.part"));
        QVERIFY(first.write("first", &error));
        QVERIFY(second.write("second", &error));

        // The second to start finishes first: it takes the plain name.
        const QString secondPath = second.finish(&error);
        const QString firstPath = first.finish(&error);
        QCOMPARE(QFileInfo(secondPath).fileName(), QStringLiteral("photo.jpg"));
        QCOMPARE(QFileInfo(firstPath).fileName(), QStringLiteral("photo (1).jpg"));
        QCOMPARE(contents(firstPath), QByteArray("first"));
        QCOMPARE(contents(secondPath), QByteArray("second"));
        QCOMPARE(entries(m_folder).size(), 2);
    }

    void cancelRemovesThePart()
    {
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("big.iso"), &error));
        QVERIFY(download.write(QByteArray(100000, 'x'), &error));
        const QString part = download.partPath();
        QVERIFY(QFileInfo::exists(part));
        download.cancel();
        QVERIFY(!download.isOpen());
        QVERIFY(!QFileInfo::exists(part));
        QVERIFY(download.finish(&error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(entries(m_folder).isEmpty());
    }

    void destructionRemovesThePart()
    {
        QString part;
        {
            DownloadFile download;
            QString error;
            QVERIFY(download.begin(m_folder, QStringLiteral("big.iso"), &error));
            QVERIFY(download.write("partial", &error));
            part = download.partPath();
            QVERIFY(QFileInfo::exists(part));
        }
        QVERIFY(!QFileInfo::exists(part));
        QVERIFY(entries(m_folder).isEmpty());
    }

    void finishedFileSurvivesDestruction()
    {
        QString path;
        {
            DownloadFile download;
            QString error;
            QVERIFY(download.begin(m_folder, QStringLiteral("keep.txt"), &error));
            QVERIFY(download.write("kept", &error));
            path = download.finish(&error);
        }
        QCOMPARE(contents(path), QByteArray("kept"));
    }

    void moveKeepsOneOwner()
    {
        QString error;
        auto first = std::make_unique<DownloadFile>();
        QVERIFY(first->begin(m_folder, QStringLiteral("moved.txt"), &error));
        QVERIFY(first->write("abc", &error));
        const QString part = first->partPath();

        DownloadFile moved(std::move(*first));
        first.reset(); // the moved-from one owns nothing
        QVERIFY(QFileInfo::exists(part));
        QVERIFY(moved.isOpen());
        QCOMPARE(moved.written(), 3);

        DownloadFile other;
        QVERIFY(other.begin(m_folder, QStringLiteral("other.txt"), &error));
        const QString otherPart = other.partPath();
        other = std::move(moved); // what other held is dropped
        QVERIFY(!QFileInfo::exists(otherPart));
        QVERIFY(other.write("def", &error));
        QCOMPARE(contents(other.finish(&error)), QByteArray("abcdef"));
    }

    void restartTruncates()
    {
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("retry.bin"), &error));
        QVERIFY(download.write("abcdefgh", &error));
        download.restart();
        QCOMPARE(download.written(), 0);
        QCOMPARE(QFileInfo(download.partPath()).size(), 0);
        QVERIFY(download.write("xy", &error));
        QCOMPARE(download.written(), 2);
        QCOMPARE(contents(download.finish(&error)), QByteArray("xy"));
    }

    void finishRacesWithAFileCreatedMeanwhile()
    {
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("race.txt"), &error));
        QVERIFY(download.write("ours", &error));
        // Another program saves the same name while the download runs.
        QVERIFY(writeFile(m_folder + QStringLiteral("/race.txt"), "theirs"));
        const QString path = download.finish(&error);
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("race (1).txt"));
        QCOMPARE(contents(path), QByteArray("ours"));
        QCOMPARE(contents(m_folder + QStringLiteral("/race.txt")), QByteArray("theirs"));
    }

    void finishNeverReplacesAFolder()
    {
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("name"), &error));
        QVERIFY(QDir().mkpath(m_folder + QStringLiteral("/name")));
        QCOMPARE(QFileInfo(download.finish(&error)).fileName(), QStringLiteral("name (1)"));
        QVERIFY(QFileInfo(m_folder + QStringLiteral("/name")).isDir());
    }

    void readOnlyFolderGivesAClearError()
    {
#ifdef Q_OS_UNIX
        if (::geteuid() == 0)
            QSKIP("root ignores folder permissions; folderIsAFile covers the failure");
        QVERIFY(QDir().mkpath(m_folder));
        QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        DownloadFile download;
        QString error;
        const bool begun = download.begin(m_folder, QStringLiteral("x.txt"), &error);
        QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner);
        QVERIFY(!begun);
        QVERIFY2(error.contains(QDir::toNativeSeparators(m_folder)), qPrintable(error));
        QVERIFY(entries(m_folder).isEmpty());
#else
        QSKIP("folder permissions are tested on Unix");
#endif
    }

    void folderIsAFile()
    {
        QVERIFY(QDir().mkpath(m_folder));
        const QString file = m_folder + QStringLiteral("/not-a-folder");
        QVERIFY(writeFile(file, "x"));
        DownloadFile download;
        QString error;
        QVERIFY(!download.begin(file, QStringLiteral("x.txt"), &error));
        QVERIFY(!download.isOpen());
        QVERIFY2(error.contains(QDir::toNativeSeparators(file)), qPrintable(error));
        // A folder below a file cannot be created either.
        const QString below = file + QStringLiteral("/sub");
        error.clear();
        QVERIFY(!download.begin(below, QStringLiteral("x.txt"), &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(below)), qPrintable(error));
        QCOMPARE(contents(file), QByteArray("x"));
    }

    void writeFailureRemovesThePart()
    {
#ifdef Q_OS_UNIX
        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("huge.bin"), &error));
        const QString part = download.partPath();
        // A file size limit makes write() stop short (EFBIG) as a full disk would (ENOSPC),
        // even for root. Nothing may write to a file while it is in place, so it is brief.
        rlimit previous{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = previous;
        limited.rlim_cur = 4096;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool written = download.write(QByteArray(64 * 1024, 'x'), &error);
        ::setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!written);
        QVERIFY2(error.contains(QStringLiteral("huge.bin")), qPrintable(error));
        QVERIFY(!download.isOpen());
        QVERIFY(!QFileInfo::exists(part));
        QVERIFY(entries(m_folder).isEmpty());
        QVERIFY(!download.write("more", &error));
#else
        QSKIP("the file size limit is a Unix notion");
#endif
    }

    void danglingSymlinkAsPartIsNotFollowed()
    {
        QVERIFY(QDir().mkpath(m_folder));
        QTemporaryDir elsewhere;
        const QString target = elsewhere.filePath(QStringLiteral("written-through-link"));
        QVERIFY(QFile::link(target, m_folder + QStringLiteral("/report.pdf.part")));
        QVERIFY(QFile::link(target, m_folder + QStringLiteral("/report.pdf")));

        DownloadFile download;
        QString error;
        QVERIFY2(download.begin(m_folder, QStringLiteral("report.pdf"), &error), qPrintable(error));
        QCOMPARE(QFileInfo(download.partPath()).fileName(), QStringLiteral("report (1).pdf.part"));
        QVERIFY(download.write("payload", &error));
        const QString path = download.finish(&error);
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("report (1).pdf"));
        QVERIFY(!QFileInfo(path).isSymLink());

        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(entries(elsewhere.path()).isEmpty());
        QVERIFY(QFileInfo(m_folder + QStringLiteral("/report.pdf.part")).isSymLink());
        QVERIFY(QFileInfo(m_folder + QStringLiteral("/report.pdf")).isSymLink());
    }

    void symlinkToAFileAsPartIsNotFollowed()
    {
        QVERIFY(QDir().mkpath(m_folder));
        QTemporaryDir elsewhere;
        const QString target = elsewhere.filePath(QStringLiteral("precious"));
        QVERIFY(writeFile(target, "precious"));
        QVERIFY(QFile::link(target, m_folder + QStringLiteral("/notes.txt.part")));

        DownloadFile download;
        QString error;
        QVERIFY(download.begin(m_folder, QStringLiteral("notes.txt"), &error));
        QVERIFY(download.write("overwritten?", &error));
        download.restart();
        download.cancel();
        QCOMPARE(contents(target), QByteArray("precious"));
        QVERIFY(QFileInfo(m_folder + QStringLiteral("/notes.txt.part")).isSymLink());
    }

    void namesThatAreNoFileNameAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("dot dot") << QStringLiteral("..");
        QTest::newRow("path") << QStringLiteral("../escaped.txt");
        QTest::newRow("backslash path") << QStringLiteral("..\\escaped.txt");
        QTest::newRow("absolute") << QStringLiteral("/tmp/escaped.txt");
    }

    void namesThatAreNoFileNameAreRefused()
    {
        QFETCH(QString, name);
        QVERIFY(QDir().mkpath(m_folder));
        const QStringList around = entries(m_root.path());
        DownloadFile download;
        QString error;
        QVERIFY(!download.begin(m_folder, name, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(entries(m_folder).isEmpty());
        QCOMPARE(entries(m_root.path()), around);
    }

    void notStarted()
    {
        DownloadFile download;
        QString error;
        QVERIFY(!download.isOpen());
        QVERIFY(!download.write("x", &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(download.finish(&error).isEmpty());
        QVERIFY(!error.isEmpty());
        download.restart();
        download.cancel();
    }

    void everyHostileNameEndsDirectlyInTheFolder()
    {
        QVERIFY(QDir().mkpath(m_folder));
        const QString canonical = QFileInfo(m_folder).canonicalFilePath();
        const QStringList around = entries(m_root.path());
        const QStringList hostile = HostileFileNames::all();
        for (const QString &untrusted : hostile) {
            const QString name = SafeFileName::make(untrusted, QStringLiteral("download"));
            DownloadFile download;
            QString error;
            QVERIFY2(download.begin(m_folder, name, &error), qPrintable(error));
            QVERIFY(download.write(untrusted.toUtf8(), &error));
            const QString path = download.finish(&error);
            QVERIFY2(!path.isEmpty(), qPrintable(error));
            const QFileInfo info(path);
            QVERIFY2(info.isFile() && !info.isSymLink(), qPrintable(path));
            QCOMPARE(info.canonicalPath(), canonical);
            bool named = false; // the safe name, or a numbered one when fallbacks collide
            for (int n = 0; n < 10 && !named; ++n)
                named = info.fileName() == SafeFileName::numbered(name, n);
            QVERIFY2(named, qPrintable(info.fileName()));
            QCOMPARE(contents(path), untrusted.toUtf8());
        }
        // One regular file per name, nothing else, nothing outside.
        QCOMPARE(entries(m_folder).size(), hostile.size());
        for (const QString &entry : entries(m_folder))
            QVERIFY2(!entry.endsWith(QStringLiteral(".part")) ||
                         entry == QLatin1String("name.part"),
                     qPrintable(entry));
        QCOMPARE(entries(m_root.path()), around);
    }
};

QTEST_GUILESS_MAIN(TestDownloadFile)
#include "tst_downloadfile.moc"
