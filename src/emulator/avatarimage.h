#pragma once

#include <QByteArray>

/// A small solid-colour PNG per person. Real avatars live on a CDN; a picture with no text
/// needs no fonts, so no QGuiApplication either.
class AvatarImage
{
public:
    [[nodiscard]] static QByteArray png(int hue, int size = 96);
};
