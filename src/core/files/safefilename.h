#pragma once

#include <QString>

// A file name from a server (Content-Disposition, a message's file list) made into one that is
// safe to create inside the Downloads folder on Linux, macOS and Windows: one path component,
// nothing invisible that could disguise its extension, nothing Windows refuses, short enough.
class SafeFileName
{
public:
    // The most UTF-8 bytes a file name may have (ext4, APFS; NTFS counts 255 UTF-16 units).
    static constexpr int MaxBytes = 255;

    // Keeps the last path component ('/' and '\\' both separate); drops control characters and
    // invisible format characters (bidi overrides, zero-width spaces, BOM); replaces what
    // Windows forbids (<>:"|?*) with '_'; trims spaces and dots at both ends (no hidden file,
    // no "." or ".."); puts '_' before a name Windows reserves (CON, NUL.txt, COM1, ...); and
    // shortens the stem, never the extension, so that numbered(name, 999) + ".part" still fits
    // in MaxBytes. An empty result becomes fallback, made safe the same way, else "download".
    [[nodiscard]] static QString make(const QString &untrusted, const QString &fallback);

    // "report.pdf", 1 -> "report (1).pdf"; "archive.tar.gz" -> "archive (1).tar.gz";
    // "README" -> "README (1)". n <= 0 gives safeName unchanged.
    [[nodiscard]] static QString numbered(const QString &safeName, int n);
};
