#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

class QJsonObject;

// A Webex team (GET teams): a group of spaces. Spaces name theirs in Room::teamId.
class Team
{
public:
    // id is required; every other field is tolerant of absence and of a wrong JSON type.
    [[nodiscard]] static std::optional<Team> fromJson(const QJsonObject &o,
                                                      QString *error = nullptr);

    QString id;
    QString name; ///< One line (DisplayText::singleLine); may be empty.
    QString description;
    QDateTime created; ///< UTC; invalid when absent.

    // The name as a list or a filter shows it: "Unnamed team" when blank.
    [[nodiscard]] QString shownName() const;
};

Q_DECLARE_METATYPE(Team)
