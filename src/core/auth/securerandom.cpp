#include "securerandom.h"

#include <QRandomGenerator>
#include <QVector>

QByteArray SecureRandom::urlSafeToken(int byteCount)
{
    QByteArray bytes(byteCount, Qt::Uninitialized);
    auto *generator = QRandomGenerator::system();
    for (char &byte : bytes)
        byte = static_cast<char>(generator->bounded(256));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
