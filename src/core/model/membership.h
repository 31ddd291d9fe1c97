#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

class QJsonObject;

// One person's membership of a space (GET memberships?roomId): who they are, as the space
// lists them. What `@` completes in the composer.
class Membership
{
public:
    // id and personId are required; every other field is tolerant of absence and of a wrong
    // JSON type.
    [[nodiscard]] static std::optional<Membership> fromJson(const QJsonObject &o,
                                                            QString *error = nullptr);

    QString id;
    QString roomId;
    QString personId;
    QString personEmail;       ///< One line; may be empty (Webex hides some).
    QString personDisplayName; ///< One line (DisplayText::singleLine); may be empty.
    bool isModerator = false;
    bool isMonitor = false;
};

Q_DECLARE_METATYPE(Membership)
