#include "model/person.h"

#include "logging.h"
#include "model/displaytext.h"
#include "model/jsonfields.h"
#include "model/webextime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

std::optional<Person> Person::fromJson(const QJsonObject &o, QString *error)
{
    using namespace JsonFields;

    Person p;
    p.id = string(o, QLatin1String("id"));
    if (p.id.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Person", "A person without an id was received.");
        return std::nullopt;
    }
    // Names and addresses are shown in one line (the header, beside each message, the window
    // title): cleaned here, once, so a name of megabytes is cut before anything else copies it.
    p.displayName = DisplayText::singleLine(string(o, QLatin1String("displayName")));
    p.nickName = DisplayText::singleLine(string(o, QLatin1String("nickName")));
    p.firstName = DisplayText::singleLine(string(o, QLatin1String("firstName")));
    p.lastName = DisplayText::singleLine(string(o, QLatin1String("lastName")));
    p.orgId = string(o, QLatin1String("orgId"));
    p.type = string(o, QLatin1String("type"));
    p.status = string(o, QLatin1String("status"));
    p.timezone = string(o, QLatin1String("timezone"));

    const QJsonArray emails = array(o, QLatin1String("emails"));
    for (const QJsonValue &email : emails) {
        const QString address = DisplayText::singleLine(email.toString());
        if (!address.isEmpty())
            p.emails.append(address);
    }

    const QJsonArray phones = array(o, QLatin1String("phoneNumbers"));
    for (const QJsonValue &entry : phones) {
        if (!entry.isObject())
            continue;
        const QJsonObject phone = entry.toObject();
        PhoneNumber number;
        number.type = string(phone, QLatin1String("type"));
        number.value = string(phone, QLatin1String("value"));
        number.primary = boolean(phone, QLatin1String("primary"));
        if (!number.value.isEmpty())
            p.phoneNumbers.append(number);
    }

    // The avatar is later fetched without a token; anything but http(s) (file:, data:, ...)
    // has no business there.
    const QUrl avatar(string(o, QLatin1String("avatar")), QUrl::StrictMode);
    const QString scheme = avatar.scheme().toLower();
    if (avatar.isValid() && !avatar.host().isEmpty() &&
        (scheme == QLatin1String("https") || scheme == QLatin1String("http")))
        p.avatar = avatar;
    else if (!avatar.isEmpty())
        qCDebug(lcModel) << "Ignoring an avatar URL that is not http(s) for person" << p.id;

    p.created = WebexTime::parse(string(o, QLatin1String("created")));
    p.lastModified = WebexTime::parse(string(o, QLatin1String("lastModified")));
    p.lastActivity = WebexTime::parse(string(o, QLatin1String("lastActivity")));
    p.invitePending = boolean(o, QLatin1String("invitePending"));
    p.loginEnabled = boolean(o, QLatin1String("loginEnabled"));

    if (error)
        error->clear();
    return p;
}

QString Person::primaryEmail() const
{
    return emails.isEmpty() ? QString() : emails.constFirst();
}

QString Person::shownName() const
{
    // Cleaned again: a Person may have been made elsewhere than fromJson. Cheap on at most
    // DisplayText::MaxLength characters.
    const QString name = DisplayText::singleLine(displayName);
    return name.isEmpty() ? DisplayText::singleLine(primaryEmail()) : name;
}

bool Person::hasStatus() const
{
    return !status.isEmpty();
}
