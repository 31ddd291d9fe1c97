#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QJsonObject;

struct PhoneNumber
{
    QString type;  ///< "work", "mobile", "fax", ... as Webex sends it.
    QString value; ///< As written by the person; not normalised.
    bool primary = false;
};

// A Webex person (GET people/me, GET people?id=...). Plain public members: a value parsed once
// and then only read.
class Person
{
public:
    // id is required (a person without one cannot be referred to); every other field is
    // tolerant of absence and of a wrong JSON type, which leaves it empty.
    [[nodiscard]] static std::optional<Person> fromJson(const QJsonObject &o,
                                                        QString *error = nullptr);

    QString id;
    // The names and the addresses are one line each, cleaned by DisplayText::singleLine (no
    // bidi overrides, controls or breaks; at most DisplayText::MaxLength long); empty when
    // Webex sent none, or nothing printable.
    QString displayName;
    QString nickName;
    QString firstName;
    QString lastName;
    QString orgId;
    QString type;     ///< person | bot | appuser
    QString status;   ///< active | call | DoNotDisturb | ...; empty when Webex sent none.
    QString timezone; ///< IANA name, e.g. "Europe/Berlin"; may be empty.
    QStringList emails;
    QList<PhoneNumber> phoneNumbers;
    QUrl avatar; ///< Empty unless an http(s) URL was sent.
    QDateTime created;
    QDateTime lastModified;
    QDateTime lastActivity;
    bool invitePending = false;
    bool loginEnabled = false;

    [[nodiscard]] QString primaryEmail() const; ///< The first address, or empty.
    // What to call this person in one line: the display name, else the first address; empty
    // when Webex sent neither (the caller says so, or puts its own placeholder).
    [[nodiscard]] QString shownName() const;
    [[nodiscard]] bool hasStatus() const; ///< Presence is only sent for some people.
};

Q_DECLARE_METATYPE(Person)
