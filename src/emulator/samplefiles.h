#pragma once

#include <QByteArray>

/// The bytes of the seeded spaces' files: small, valid files of their type, each made once and
/// shared by every space that shows it (seeding 10,000 spaces must stay cheap).
class SampleFiles
{
public:
    /// A 200 x 120 PNG: a whiteboard with a few coloured strokes. No text, so no fonts and
    /// no QGuiApplication are needed.
    [[nodiscard]] static QByteArray whiteboardPng();
    /// A one-page PDF that says "Q3 plan", with a correct cross-reference table.
    [[nodiscard]] static QByteArray planPdf();
    /// A few lines of UTF-8 text.
    [[nodiscard]] static QByteArray notesText();
};
