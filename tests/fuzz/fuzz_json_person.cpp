// One person of GET people/me or GET people?id=, as JSON: Person::fromJson.

#include "jsonmodel.h"

#include "model/person.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    const std::optional<Person> person = Fuzz::checkedFromJson<Person>(document.object());
    if (!person)
        return 0;
    // The avatar is fetched without a token and shown: http(s) with a host, or nothing.
    const QUrl &avatar = person->avatar;
    FUZZ_CHECK(avatar.isEmpty() || (avatar.isValid() && !avatar.host().isEmpty() &&
                                    (avatar.scheme() == QLatin1String("https") ||
                                     avatar.scheme() == QLatin1String("http"))),
               avatar.toString());
    for (const QString &email : person->emails)
        FUZZ_CHECK(!email.isEmpty(), person->id);
    FUZZ_CHECK(person->primaryEmail() == person->emails.value(0), person->primaryEmail());
    for (const PhoneNumber &number : person->phoneNumbers)
        FUZZ_CHECK(!number.value.isEmpty(), person->id);
    FUZZ_CHECK(person->hasStatus() == !person->status.isEmpty(), person->status);
    Fuzz::checkUtc(person->created);
    Fuzz::checkUtc(person->lastModified);
    Fuzz::checkUtc(person->lastActivity);
    return 0;
}
