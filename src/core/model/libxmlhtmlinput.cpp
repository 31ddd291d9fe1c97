#include "model/libxmlhtmlinput.h"

namespace {

// libxml2's HTML_PARSER_BUFFER_SIZE: htmlParseHTMLName reads at most this many characters, and
// the rest of a longer name starts the next attribute.
constexpr qsizetype MaxNameLength = 100;

bool isAsciiLetter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// libxml2's IS_BLANK_CH.
bool isBlank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The reference a character is written as where libxml2 must not see it as itself.
const char *reference(unsigned char c)
{
    switch (c) {
    case '"':
        return "&#34;";
    case '\'':
        return "&#39;";
    case ' ':
        return "&#32;";
    case '\t':
        return "&#9;";
    case '\n':
        return "&#10;";
    case '\r':
        return "&#13;";
    default: // '>'
        return "&#62;";
    }
}

bool isNameStart(unsigned char c)
{
    return isAsciiLetter(c) || c == '_' || c == ':' || c == '.';
}

bool isNameCharacter(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
}

class Preparer
{
public:
    explicit Preparer(QByteArrayView html) : m_in(html) { m_out.reserve(html.size() + 64); }

    QByteArray run()
    {
        while (m_at < m_in.size()) {
            // Text: bytes that need no rewriting go over in one piece.
            qsizetype plain = m_at;
            while (plain < m_in.size() && !needsALook(byte(plain)))
                ++plain;
            m_out.append(m_in.data() + m_at, plain - m_at);
            m_at = plain;
            if (atEnd())
                break;
            if (m_in[m_at] == '<' && m_at + 1 < m_in.size() && isAsciiLetter(byte(m_at + 1)))
                startTag();
            else
                copy(true);
        }
        return std::move(m_out);
    }

private:
    unsigned char byte(qsizetype at) const { return static_cast<unsigned char>(m_in[at]); }
    static bool needsALook(unsigned char c)
    {
        return c == '<' || c == '"' || c == '\'' || c == 0xEF || (c < 0x20 && !isBlank(c));
    }
    bool atEnd() const { return m_at >= m_in.size(); }

    // Copies (or, when !keep, skips) one character, rewriting what libxml2 must not see. Inside
    // a quoted attribute value also the blanks and '>', so that the value stays one token that
    // cannot end the tag.
    void copy(bool keep, bool quoted = false)
    {
        static constexpr char replacement[] = "\xEF\xBF\xBD"; // U+FFFD
        const unsigned char c = byte(m_at);
        if (c == 0xEF && m_at + 2 < m_in.size() && byte(m_at + 1) == 0xBF &&
            (byte(m_at + 2) & 0xFE) == 0xBE) { // U+FFFE, U+FFFF
            if (keep)
                m_out.append(replacement, 3);
            m_at += 3;
            return;
        }
        ++m_at;
        if (!keep)
            return;
        if (c == '"' || c == '\'' || (quoted && (isBlank(c) || c == '>'))) {
            m_out.append(reference(c));
        } else if (c < 0x20 && !isBlank(c)) {
            m_out.append(replacement, 3);
        } else {
            m_out.append(char(c));
        }
    }

    void name(bool keep)
    {
        for (qsizetype length = 0;
             !atEnd() && length < MaxNameLength && isNameCharacter(byte(m_at)); ++length)
            copy(keep);
    }

    void blanks(bool keep)
    {
        while (!atEnd() && isBlank(byte(m_at)))
            copy(keep);
    }

    // libxml2's htmlParseAttValue: quoted up to the same quote (or the end), else up to a blank
    // or '>'.
    void value(bool keep)
    {
        if (atEnd())
            return;
        const char quote = m_in[m_at];
        if (quote != '"' && quote != '\'') {
            while (!atEnd() && !isBlank(byte(m_at)) && m_in[m_at] != '>')
                copy(keep);
            return;
        }
        copy(keep, true);
        while (!atEnd() && m_in[m_at] != quote)
            copy(keep, true);
        if (!atEnd())
            copy(keep, true);
    }

    // libxml2's htmlParseStartTag, attribute by attribute; m_at is at '<'.
    void startTag()
    {
        copy(true); // '<'
        name(true);
        int attributes = 0;
        for (;;) {
            blanks(true);
            if (atEnd())
                return;
            const unsigned char c = byte(m_at);
            if (c == '>') {
                copy(true);
                return;
            }
            if (c == '/' && m_at + 1 < m_in.size() && m_in[m_at + 1] == '>') {
                copy(true);
                copy(true);
                return;
            }
            if (isNameStart(c)) { // an attribute (htmlParseAttribute)
                const bool keep = ++attributes <= LibxmlHtmlInput::MaxAttributes;
                name(keep);
                blanks(keep);
                if (!atEnd() && m_in[m_at] == '=') {
                    copy(keep);
                    blanks(keep);
                    value(keep);
                }
            } else {
                // Not an attribute: libxml2 skips it up to a blank or the end of the tag. Kept,
                // since it costs libxml2 nothing and may be "</script" inside a script.
                while (!atEnd() && !isBlank(byte(m_at)) && m_in[m_at] != '>' &&
                       !(m_in[m_at] == '/' && m_at + 1 < m_in.size() && m_in[m_at + 1] == '>'))
                    copy(true);
            }
        }
    }

    QByteArrayView m_in;
    qsizetype m_at = 0;
    QByteArray m_out;
};

} // namespace

QByteArray LibxmlHtmlInput::prepare(QByteArrayView html)
{
    return Preparer(html).run();
}
