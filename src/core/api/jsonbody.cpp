#include "api/jsonbody.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QList>

#include <utility>

namespace JsonBody {

namespace {

// The candidates for the mark: the noncharacters U+FDD0..U+FDEF, which Unicode sets aside for a
// program's own use; a server has no reason to send them, and the one chosen is one it did not.
constexpr char16_t FirstCandidate = 0xFDD0;
constexpr int Candidates = 32;

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Which candidates the body holds, as UTF-8 (EF B7 90..AF) or as a \u escape: bit n for
// U+FDD0 + n. An escaped backslash before "u" is counted too; that only rules out a candidate.
quint32 candidatesIn(const QByteArray &body)
{
    quint32 seen = 0;
    const char *p = body.constData();
    const qsizetype n = body.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = uchar(p[i]);
        if (c == 0xEF && i + 2 < n && uchar(p[i + 1]) == 0xB7 && uchar(p[i + 2]) >= 0x90 &&
            uchar(p[i + 2]) <= 0xAF) {
            seen |= 1u << (uchar(p[i + 2]) - 0x90);
        } else if (c == '\\' && i + 5 < n && p[i + 1] == 'u' && isHexDigit(p[i + 2]) &&
                   isHexDigit(p[i + 3]) && isHexDigit(p[i + 4]) && isHexDigit(p[i + 5])) {
            const uint value = QByteArray(p + i + 2, 4).toUInt(nullptr, 16);
            if (value >= FirstCandidate && value < FirstCandidate + Candidates)
                seen |= 1u << (value - FirstCandidate);
        }
    }
    return seen;
}

// The length of the well-formed UTF-8 sequence at p (Unicode's table 3-7: no overlong forms,
// no surrogates, nothing above U+10FFFF), or, negated, the length of its maximal subpart (at
// least one byte) when it is not well-formed.
qsizetype sequenceAt(const uchar *p, const uchar *end)
{
    const uchar lead = *p;
    if (lead < 0x80)
        return 1;
    qsizetype length = 0;
    uchar secondLow = 0x80;
    uchar secondHigh = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            secondLow = 0xA0; // overlong below
        else if (lead == 0xED)
            secondHigh = 0x9F; // surrogates above
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            secondLow = 0x90; // overlong below
        else if (lead == 0xF4)
            secondHigh = 0x8F; // beyond U+10FFFF above
    } else {
        return -1; // a continuation byte alone, C0, C1, F5..FF
    }
    for (qsizetype i = 1; i < length; ++i) {
        if (p + i >= end)
            return -i;
        const uchar low = i == 1 ? secondLow : uchar(0x80);
        const uchar high = i == 1 ? secondHigh : uchar(0xBF);
        if (p[i] < low || p[i] > high)
            return -i;
    }
    return length;
}

// The body with each invalid sequence replaced by `mark` (UTF-8); *replaced counts them.
QByteArray repaired(const QByteArray &body, const QByteArray &mark, qsizetype *replaced)
{
    QByteArray out;
    out.reserve(body.size() + 64);
    const auto *p = reinterpret_cast<const uchar *>(body.constData());
    const uchar *const end = p + body.size();
    const uchar *run = p; // start of the bytes not copied yet
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const qsizetype length = sequenceAt(p, end);
        if (length > 0) {
            p += length;
            continue;
        }
        out.append(reinterpret_cast<const char *>(run), p - run);
        out.append(mark);
        p += -length;
        run = p;
        ++*replaced;
    }
    out.append(reinterpret_cast<const char *>(run), end - run);
    return out;
}

// Takes the marked text out of a parsed document: an array entry holding it is left out; a
// value that holds it outside any array entry of its own is Marked, for its container to drop.
class MarkRemover
{
public:
    explicit MarkRemover(QChar mark) : m_mark(mark) {}

    enum class Verdict { Unchanged, Changed, Marked };

    Verdict clean(QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::String:
            return value.toString().contains(m_mark) ? Verdict::Marked : Verdict::Unchanged;
        case QJsonValue::Array: {
            QJsonArray array = value.toArray();
            const Verdict verdict = cleanArray(array);
            if (verdict == Verdict::Changed)
                value = array;
            return verdict;
        }
        case QJsonValue::Object: {
            QJsonObject object = value.toObject();
            const Verdict verdict = cleanObject(object);
            if (verdict == Verdict::Changed)
                value = object;
            return verdict;
        }
        default:
            return Verdict::Unchanged;
        }
    }

    Verdict cleanArray(QJsonArray &array)
    {
        // A new array only when something changes: appending is linear, removing one by one
        // from the middle would not be.
        QJsonArray kept;
        bool changed = false;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue entry = array.at(i);
            const Verdict verdict = clean(entry);
            if (verdict == Verdict::Marked) {
                qCWarning(lcApi) << "Leaving out entry" << i
                                 << "of a list: its text is not valid UTF-8";
                ++m_removed;
            }
            if (verdict != Verdict::Unchanged && !changed) {
                changed = true;
                for (qsizetype j = 0; j < i; ++j)
                    kept.append(array.at(j));
            }
            if (changed && verdict != Verdict::Marked)
                kept.append(entry);
        }
        if (!changed)
            return Verdict::Unchanged;
        array = kept;
        return Verdict::Changed;
    }

    Verdict cleanObject(QJsonObject &object)
    {
        QList<std::pair<qsizetype, QJsonValue>> changes; // position in iteration order, value
        qsizetype position = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++position) {
            if (it.key().contains(m_mark))
                return Verdict::Marked;
            QJsonValue member = it.value();
            const Verdict verdict = clean(member);
            if (verdict == Verdict::Marked)
                return Verdict::Marked;
            if (verdict == Verdict::Changed)
                changes.append({position, member});
        }
        if (changes.isEmpty())
            return Verdict::Unchanged;
        // One pass with a writing iterator: no look-up by key per change.
        auto it = object.begin();
        qsizetype at = 0;
        for (const auto &[where, member] : std::as_const(changes)) {
            it += where - at;
            at = where;
            it.value() = member;
        }
        return Verdict::Changed;
    }

    [[nodiscard]] int removed() const { return m_removed; }

private:
    QChar m_mark;
    int m_removed = 0;
};

} // namespace

QJsonDocument parse(const QByteArray &body, QJsonParseError *error, int *entriesLeftOut)
{
    if (entriesLeftOut)
        *entriesLeftOut = 0;
    QJsonParseError first;
    QJsonDocument document = QJsonDocument::fromJson(body, &first);
    if (error)
        *error = first;
    if (first.error != QJsonParseError::IllegalUTF8String)
        return document;

    const quint32 used = candidatesIn(body);
    int free = 0;
    while (free < Candidates && (used & (1u << free)))
        ++free;
    if (free == Candidates) {
        qCWarning(lcApi) << "An answer with invalid UTF-8 holds every mark it could be repaired "
                            "with; refused whole";
        return {};
    }
    const QChar mark(char16_t(FirstCandidate + free));
    qsizetype replaced = 0;
    const QByteArray fixed = repaired(body, QString(mark).toUtf8(), &replaced);
    if (replaced == 0)
        return {}; // Qt found something this reading does not: keep its verdict

    QJsonParseError second;
    document = QJsonDocument::fromJson(fixed, &second);
    if (second.error != QJsonParseError::NoError)
        return {}; // invalid bytes outside strings, or more wrong than the UTF-8

    MarkRemover remover(mark);
    QJsonValue root =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    const MarkRemover::Verdict verdict = remover.clean(root);
    if (verdict == MarkRemover::Verdict::Marked) {
        qCWarning(lcApi) << "An answer holds invalid UTF-8 outside any list entry; refused whole";
        return {};
    }
    qCWarning(lcApi).nospace() << "Invalid UTF-8 in an answer (" << replaced
                               << " sequences): " << remover.removed() << " list entries left out";
    if (error)
        *error = second; // no error
    if (entriesLeftOut)
        *entriesLeftOut = remover.removed();
    if (verdict == MarkRemover::Verdict::Unchanged)
        return document;
    return root.isArray() ? QJsonDocument(root.toArray()) : QJsonDocument(root.toObject());
}

} // namespace JsonBody
