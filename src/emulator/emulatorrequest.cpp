#include "emulatorrequest.h"

QHash<QString, QString> EmulatorRequest::parseForm(const QByteArray &encoded)
{
    QHash<QString, QString> result;
    const QList<QByteArray> pairs = encoded.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        result.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return result;
}
