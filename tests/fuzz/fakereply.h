#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>

// A finished QNetworkReply made from bytes, so ApiError::fromReply and TokenReplyInspector see
// exactly what they see from Webex (status, headers, body, Qt's network error) without a
// socket. The input reads like an HTTP answer, so seeds stay legible:
//
//   429 0                      status, then Qt's QNetworkReply::NetworkError as a number
//   Retry-After: 3600          header lines, up to an empty line
//   trackingid: ROUTER_...
//
//   {"message":"..."}          the body, byte for byte
//
// Anything that does not fit still makes a reply (status 0, no headers, ...): the shape only
// steers the fuzzer, it never rejects an input.
class FakeReply : public QNetworkReply
{
public:
    explicit FakeReply(const QByteArray &input);

    [[nodiscard]] QByteArray body() const { return m_body; }
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    void abort() override {}
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    qint64 m_read = 0;
    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};
