#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// The values the hostile knobs put on the wire (issue 10, "Proof under hostile input"): what a
/// misbehaving or malicious Webex, or another person, could send. Built here and nowhere else,
/// so the tests that check the app against them can ask for the very same values.
class HostileContent
{
public:
    /// A display name of exactly `utf8Bytes` bytes of UTF-8 (non-ASCII on purpose), for
    /// "a display name of tens of megabytes".
    [[nodiscard]] static QString displayName(qint64 utf8Bytes);

    /// Message HTML nesting `<b><i>` `depth` levels deep, closed properly.
    [[nodiscard]] static QString nestedInlineHtml(int depth);
    /// Message HTML nesting `<blockquote><ul><li>` `depth` levels deep, closed properly.
    [[nodiscard]] static QString nestedBlockHtml(int depth);

    /// A title that must not reach a row, a window title or a screen reader as it is.
    struct Title
    {
        QString name;  ///< What is wrong with it, for test data rows and logs: "rlo", "nul", ...
        QString title; ///< As it goes on the wire (JSON escapes the controls, as Webex would).
    };
    /// A right-to-left override, newlines, a NUL, other C0 and C1 controls, surrounding
    /// spaces, an empty title and one of blanks only.
    [[nodiscard]] static QList<Title> titles();

    /// The title of the space whose title is not valid UTF-8, as it stands in the seeded data:
    /// plain ASCII, which WebexEmulator replaces in the answer's bytes by invalidUtf8Title()
    /// (a QString, and so QJsonDocument, cannot hold invalid UTF-8).
    [[nodiscard]] static QByteArray invalidUtf8Placeholder();
    /// The bytes sent instead: a cut-off two-byte sequence, 0xFF and 0xFE, a Latin-1 "é", an
    /// encoded surrogate, an overlong "/" and a cut-off four-byte sequence at the end. No quote,
    /// backslash or control byte, so the JSON around it stays well-formed.
    [[nodiscard]] static QByteArray invalidUtf8Title();

    /// Names of shared files that must never become a path as they are: `../../.bashrc`,
    /// `/etc/passwd`, and a name of 300 characters with control characters (\x01, LF, CR,
    /// DEL, a tab), both path separators, `..` and non-ASCII letters.
    [[nodiscard]] static QStringList fileNames();

    /// `person` with every field but its id in another JSON type than Webex sends: numbers for
    /// names, a string for the e-mail array, an object for the avatar URL, ...
    [[nodiscard]] static QJsonObject withWrongTypes(const QJsonObject &person);
};
