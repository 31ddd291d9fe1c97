// Every REST answer's bytes: JsonBody::parse, which reads a body QJsonDocument would refuse for
// invalid UTF-8 by leaving out the list entries that hold it.

#include "fuzzcheck.h"

#include "api/jsonbody.h"

#include <QJsonParseError>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    QJsonParseError plainError{};
    const QJsonDocument plain = QJsonDocument::fromJson(body, &plainError);
    QJsonParseError error{};
    const QJsonDocument tolerant = JsonBody::parse(body, &error);
    const QString shown = QString::fromUtf8(body.left(200).toBase64());

    // What Qt reads, JsonBody reads the same; it never refuses what Qt accepts.
    if (plainError.error == QJsonParseError::NoError) {
        FUZZ_CHECK(error.error == QJsonParseError::NoError, shown);
        FUZZ_CHECK(tolerant == plain, shown);
        return 0;
    }
    if (error.error != QJsonParseError::NoError) {
        FUZZ_CHECK(tolerant.isNull(), shown);
        return 0;
    }
    // Read only by the repair: Qt's refusal was for invalid UTF-8, and what came out is a
    // document Qt reads back as itself, with no trace of the marks used for the bad entries.
    FUZZ_CHECK(plainError.error == QJsonParseError::IllegalUTF8String, shown);
    const QByteArray written = tolerant.toJson(QJsonDocument::Compact);
    FUZZ_CHECK(QJsonDocument::fromJson(written) == tolerant, shown);
    // A mark left in the result was the server's own (raw, or written as a \u escape).
    const QString text = QString::fromUtf8(written);
    const QString sent = QString::fromUtf8(body);
    for (char16_t mark = 0xFDD0; mark <= 0xFDEF; ++mark) {
        if (!text.contains(QChar(mark)))
            continue;
        const QString escape = QStringLiteral("\\u") + QString::number(mark, 16);
        FUZZ_CHECK(sent.contains(QChar(mark)) || sent.contains(escape, Qt::CaseInsensitive), shown);
    }
    return 0;
}
