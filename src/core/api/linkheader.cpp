#include "api/linkheader.h"

#include <QByteArray>
#include <QList>

#include <cstring>
#include <utility>

namespace {

// A cursor over the header value; the grammar is small enough that a hand-written scanner is
// clearer (and more tolerant) than a regular expression.
class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void advance() { ++m_pos; }

    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n'))
            advance();
    }

    // Reads up to (not including) any of the stop characters.
    QByteArray readUntil(const char *stops)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !std::strchr(stops, peek()))
            advance();
        return m_text.mid(start, m_pos - start);
    }

    // A quoted-string with backslash escapes; the opening quote is the current character.
    QByteArray readQuoted()
    {
        QByteArray out;
        advance(); // opening quote
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\') {
                advance();
                if (atEnd())
                    break;
            }
            out += peek();
            advance();
        }
        if (!atEnd())
            advance(); // closing quote
        return out;
    }

    // Skips the rest of a malformed link entry up to the next top-level comma.
    void skipToNextLink()
    {
        while (!atEnd() && peek() != ',') {
            if (peek() == '"')
                readQuoted();
            else if (peek() == '<')
                readUntil(">");
            else
                advance();
        }
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

} // namespace

QHash<QString, QUrl> LinkHeader::parse(const QByteArray &value)
{
    QHash<QString, QUrl> links;
    Scanner scanner(value);

    while (!scanner.atEnd()) {
        scanner.skipSpaces();
        if (scanner.peek() == ',') {
            scanner.advance();
            continue;
        }
        if (scanner.peek() != '<') {
            scanner.skipToNextLink();
            continue;
        }
        scanner.advance();
        // Everything up to '>' is the URI, commas and semicolons included.
        const QByteArray target = scanner.readUntil(">").trimmed();
        if (scanner.atEnd())
            break; // unterminated <...>: nothing trustworthy follows
        scanner.advance();

        QList<QByteArray> relations;
        // Parameters: ; name [= value], value quoted or a bare token.
        for (;;) {
            scanner.skipSpaces();
            if (scanner.peek() != ';')
                break;
            scanner.advance();
            scanner.skipSpaces();
            const QByteArray name = scanner.readUntil("=;, \t").trimmed().toLower();
            scanner.skipSpaces();
            QByteArray paramValue;
            if (scanner.peek() == '=') {
                scanner.advance();
                scanner.skipSpaces();
                paramValue = scanner.peek() == '"' ? scanner.readQuoted()
                                                   : scanner.readUntil(";, \t").trimmed();
            }
            // RFC 8288: a rel parameter after the first is ignored.
            if (name == "rel" && relations.isEmpty())
                relations = paramValue.simplified().toLower().split(' ');
        }
        scanner.skipToNextLink();

        const QUrl url = QUrl::fromEncoded(target, QUrl::TolerantMode);
        if (target.isEmpty() || !url.isValid())
            continue;
        for (const QByteArray &relation : std::as_const(relations)) {
            const QString key = QString::fromLatin1(relation);
            if (!key.isEmpty() && !links.contains(key))
                links.insert(key, url);
        }
    }
    return links;
}

QUrl LinkHeader::next(const QByteArray &value)
{
    return parse(value).value(QStringLiteral("next"));
}
