#include "samplefiles.h"

#include <QBuffer>
#include <QImage>
#include <QList>

#include <cmath>

namespace {

QByteArray drawWhiteboard()
{
    constexpr int width = 200;
    constexpr int height = 120;
    QImage image(width, height, QImage::Format_RGB32);
    // An off-white board, a little darker towards the bottom.
    for (int y = 0; y < height; ++y) {
        const int shade = 250 - y / 12;
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(shade, shade, shade + 3);
    }
    // Marker strokes, pixel by pixel (QPainter would work too, but this needs nothing more).
    const auto dot = [&image](int x, int y, QRgb colour) {
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                if (image.valid(x + dx, y + dy))
                    image.setPixel(x + dx, y + dy, colour);
            }
        }
    };
    const QRgb blue = qRgb(30, 80, 200);
    const QRgb red = qRgb(210, 40, 40);
    const QRgb green = qRgb(20, 150, 70);
    for (int x = 10; x < 190; ++x)
        dot(x, 60 + int(std::lround(25 * std::sin(x / 18.0))), blue);
    for (int x = 20; x <= 80; ++x) {
        dot(x, 15, red);
        dot(x, 45, red);
    }
    for (int y = 15; y <= 45; ++y) {
        dot(20, y, red);
        dot(80, y, red);
    }
    for (int i = 0; i < 40; ++i)
        dot(140 + i, 100 - i / 2, green);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray writePdf()
{
    const QByteArray text = "BT /F1 24 Tf 72 720 Td (Q3 plan) Tj ET\n"
                            "BT /F1 12 Tf 72 690 Td (Goals, owners and dates.) Tj ET\n";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(text.size()) + " >>\nstream\n" + text + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n";
    // Every entry is exactly 20 bytes, its line end included.
    pdf += "0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

QByteArray SampleFiles::whiteboardPng()
{
    static const QByteArray png = drawWhiteboard();
    return png;
}

QByteArray SampleFiles::planPdf()
{
    static const QByteArray pdf = writePdf();
    return pdf;
}

QByteArray SampleFiles::notesText()
{
    return QByteArrayLiteral("Notes from the sync\n"
                             "- Zoë takes the release notes\n"
                             "- Next review: Friday, 15:00 (Zürich time)\n");
}
