#include "fuzzcheck.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace {

// The parsers log what they skip (qCDebug, qCWarning); millions of inputs would drown the
// fuzzer's own output in it. The messages are still formatted (that code runs on hostile
// values too), then dropped; a qFatal still ends the run.
void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

const bool quiet = [] {
    qInstallMessageHandler(dropMessage);
    return true;
}();

} // namespace

namespace Fuzz {

void fail(const char *file, int line, const char *condition, const QString &detail)
{
    Q_UNUSED(quiet)
    constexpr qsizetype shown = 400;
    const QString shortened =
        detail.size() > shown ? detail.left(shown) + QStringLiteral("...") : detail;
    std::fprintf(stderr, "\n%s:%d: property failed: %s\n  value: %s\n", file, line, condition,
                 shortened.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace Fuzz
