#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

// What Webex says of one file of a message (HEAD or GET contents/{id}): its name, already made
// safe to show and to save (SafeFileName), its MIME type and its size.
struct FileInfo
{
    QUrl url;         ///< The content URL, as the message lists it.
    QString name;     ///< Safe: one path component, no control characters, never empty.
    QString type;     ///< "image/png": lower case, without parameters; empty when unknown.
    qint64 size = -1; ///< Bytes; -1 when Webex did not say.

    // An image the app shows itself: the formats Qt's own packages read (PNG and BMP in
    // QtGui, JPEG and GIF in its plugins of libqt6gui6). SVG is not one: it is a document that
    // can refer to other files, and is offered as a download instead; WebP needs a plugin
    // package of its own.
    [[nodiscard]] bool isShownImage() const
    {
        return type == QLatin1String("image/png") || type == QLatin1String("image/jpeg") ||
               type == QLatin1String("image/gif") || type == QLatin1String("image/bmp");
    }
};

Q_DECLARE_METATYPE(FileInfo)
