// webexdesk-rendericons: renders the app's SVG icon into the raster icons each platform wants,
// at build time. One small Qt program instead of rsvg-convert, ImageMagick and iconutil: it
// runs wherever Qt builds (Windows and macOS included), draws with QSvgRenderer, the renderer
// that draws the window icon at run time, and writes .ico and .icns itself, so both can be made
// and checked on Linux too.
//
//   webexdesk-rendericons png  <icon.svg> <size> <out.png>
//   webexdesk-rendericons ico  <icon.svg> <out.ico>
//   webexdesk-rendericons icns <icon.svg> <out.icns>

#include <QBuffer>
#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <utility>

namespace {

QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

template <typename T> void append(QByteArray &out, T value, bool bigEndian)
{
    char bytes[sizeof(T)];
    if (bigEndian)
        qToBigEndian(value, bytes);
    else
        qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// ICO with PNG-compressed entries (Windows Vista and later): a 6-byte header, a 16-byte
// directory entry per image, then the PNG files. 256 is written as 0 in the byte-wide size.
QByteArray makeIco(QSvgRenderer &renderer)
{
    const QList<int> sizes{16, 24, 32, 48, 64, 256};
    QList<QByteArray> images;
    for (int size : sizes)
        images << renderPng(renderer, size);
    QByteArray out;
    append<quint16>(out, 0, false);
    append<quint16>(out, 1, false); // type: icon
    append<quint16>(out, quint16(sizes.size()), false);
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (int i = 0; i < sizes.size(); ++i) {
        const quint8 side = sizes.at(i) >= 256 ? 0 : quint8(sizes.at(i));
        out.append(char(side)).append(char(side));
        out.append(char(0)).append(char(0)); // no palette, reserved
        append<quint16>(out, 1, false);      // colour planes
        append<quint16>(out, 32, false);     // bits per pixel
        append<quint32>(out, quint32(images.at(i).size()), false);
        append<quint32>(out, offset, false);
        offset += quint32(images.at(i).size());
    }
    for (const QByteArray &image : images)
        out += image;
    return out;
}

// ICNS with PNG entries, what iconutil makes from an .iconset: 'icns' and the total length,
// then per image a four-character type, its length (header included) and the PNG.
QByteArray makeIcns(QSvgRenderer &renderer)
{
    const QList<std::pair<const char *, int>> entries{
        {"icp4", 16},   {"icp5", 32}, {"icp6", 64}, {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
        {"ic10", 1024}, {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512}};
    QByteArray body;
    for (const auto &[type, size] : entries) {
        const QByteArray png = renderPng(renderer, size);
        body.append(type, 4);
        append<quint32>(body, quint32(png.size() + 8), true);
        body += png;
    }
    QByteArray out("icns");
    append<quint32>(out, quint32(body.size() + 8), true);
    return out + body;
}

int usage()
{
    std::fputs("usage: webexdesk-rendericons png <icon.svg> <size> <out.png>\n"
               "       webexdesk-rendericons ico|icns <icon.svg> <out>\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // No QGuiApplication: painting paths into a QImage needs no display, so this runs on a
    // build machine without one.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return usage();
    const QString format = args.at(1);
    QSvgRenderer renderer(args.at(2));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "webexdesk-rendericons: cannot read %s\n", qPrintable(args.at(2)));
        return 1;
    }

    QByteArray data;
    QString outPath;
    if (format == QLatin1String("png") && args.size() == 5) {
        bool ok = false;
        const int size = args.at(3).toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return usage();
        data = renderPng(renderer, size);
        outPath = args.at(4);
    } else if (format == QLatin1String("ico") && args.size() == 4) {
        data = makeIco(renderer);
        outPath = args.at(3);
    } else if (format == QLatin1String("icns") && args.size() == 4) {
        data = makeIcns(renderer);
        outPath = args.at(3);
    } else {
        return usage();
    }

    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        std::fprintf(stderr, "webexdesk-rendericons: cannot write %s\n", qPrintable(outPath));
        return 1;
    }
    return 0;
}
