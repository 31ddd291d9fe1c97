#pragma once

#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QList>
#include <QPair>
#include <QString>

// The body of a message sent with a file: multipart/form-data (RFC 7578) with text fields and
// one file part, read from the file as Qt sends it, never whole into memory.
//
// Like the body of a message sent without a file, it can be read once and not rewound: Qt's
// HTTP layer sends a request again by itself when a connection closes before any answer, and a
// message must not be posted twice behind the person's back (see SendOnceBody in
// webexclient.cpp). QHttpMultiPart rewinds; this body refuses, and the reply fails instead.
class MultipartFileBody : public QIODevice
{
public:
    using Field = QPair<QByteArray, QString>; // name, value (sent as UTF-8)

    // `boundary`: newBoundary(), the same for every attempt of one message.
    MultipartFileBody(const QList<Field> &fields, const QByteArray &fileField,
                      const QString &filePath, const QString &fileName, const QByteArray &fileType,
                      const QByteArray &boundary);

    // "WebexDesk-" and 32 random hex digits: a file that happens to contain it is as likely as
    // guessing a 128-bit key.
    [[nodiscard]] static QByteArray newBoundary();

    // Opens the file and the body; false with a translated sentence when the file cannot be
    // read or changed its size since `expectedSize` was taken (-1: not checked).
    [[nodiscard]] bool openForUpload(qint64 expectedSize, QString *error);

    // "multipart/form-data; boundary=..."
    [[nodiscard]] QByteArray contentType() const;

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 position) override;

    // A file name as a form part's quoted filename: UTF-8 (as browsers send it), with the
    // characters that would end the quoted string or the header line (", \, CR, LF and other
    // control characters) replaced.
    [[nodiscard]] static QByteArray quotedFileName(const QString &name);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_boundary;
    QByteArray m_head; // the fields and the file part's headers
    QByteArray m_tail; // the closing boundary
    QFile m_file;
    qint64 m_fileSize = 0;
    qint64 m_furthest = 0;
};
