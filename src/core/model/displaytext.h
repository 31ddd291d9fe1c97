#pragma once

#include <QString>
#include <QStringView>

// Text that other people chose (space titles, names, team names, e-mail addresses) made fit to
// be shown in one line: in a list row, a label, a window title, a tooltip or the accessibility
// tree. A namespace, not a class: there is no state, only the rules below.
//
// singleLine():
// - bidi embeddings and overrides (U+202A..U+202E) and isolates (U+2066..U+2069) are removed:
//   an override reverses even Latin letters ("invoice\u202Efdp.exe" would read "invoiceexe.pdf")
//   and one left open reorders our own text after it. The marks LRM, RLM and ALM (U+200E,
//   U+200F, U+061C) stay: they are strong characters like any Hebrew or Arabic letter, so they
//   can reorder nothing a letter could not, and mixed-direction names need them to read right;
//   isolated() keeps what they do inside the isolate;
// - the deprecated format controls U+206A..U+206F and the interlinear annotation controls
//   U+FFF9..U+FFFB (which hide or reshape text) are removed, as are the C0 and C1 controls and
//   DEL (a NUL ended the accessible name, an ESC shows as nothing);
// - line and paragraph breaks (LF, CR, VT, FF, U+0085, U+2028, U+2029), tabs and every other
//   white space become one space; runs collapse; the ends are trimmed;
// - a lone surrogate becomes U+FFFD (it has no UTF-8 form for the accessibility bus);
// - more than maxLength UTF-16 code units are cut at a grapheme boundary (never inside a
//   surrogate pair or between a letter and its accents) and end in "…"; the result, "…"
//   included, is at most maxLength long;
// - nothing left: `placeholder`, which the caller words for what is missing ("Untitled space").
// Linear and bounded: at most ScanLimit * maxLength code units of the input are read, however
// long it is, so a name of 50 MB costs what one of a few KB does; past them the text is
// elided.
namespace DisplayText {

constexpr qsizetype MaxLength = 200;
// How many input code units per output code unit are read at most (controls and white space
// that vanish are read too).
constexpr qsizetype ScanLimit = 8;

constexpr char16_t Ellipsis = u'\u2026';
constexpr char16_t FirstStrongIsolate = u'\u2068';
constexpr char16_t PopDirectionalIsolate = u'\u2069';

[[nodiscard]] QString singleLine(QStringView text, const QString &placeholder = {},
                                 qsizetype maxLength = MaxLength);
// The same; a text that is one line already comes back shared, without a copy.
[[nodiscard]] QString singleLine(const QString &text, const QString &placeholder = {},
                                 qsizetype maxLength = MaxLength);

// singleLine(text, placeholder) between FSI (U+2068) and PDI (U+2069), for a server string
// placed inside one of our sentences ("Open space: %1"): whatever direction it has stays inside
// and neither reorders our words nor is reordered by them. Empty when the cleaned text and the
// placeholder are empty.
[[nodiscard]] QString isolated(QStringView text, const QString &placeholder = {},
                               qsizetype maxLength = MaxLength);

} // namespace DisplayText
