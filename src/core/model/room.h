#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

class QJsonObject;

// A Webex space (GET rooms). Plain public members: a value parsed once and then only read.
class Room
{
public:
    enum class Kind {
        Direct, ///< A one-to-one space; the title is the other person's name.
        Group,  ///< Everything else, including unknown types Webex may add.
    };

    // id is required; every other field is tolerant of absence and of a wrong JSON type.
    [[nodiscard]] static std::optional<Room> fromJson(const QJsonObject &o,
                                                      QString *error = nullptr);

    QString id;
    QString title;  ///< One line (DisplayText::singleLine); may be empty: see RoomListModel.
    QString teamId; ///< Empty unless the space belongs to a team.
    QString creatorId;
    QString ownerId;
    QString description;
    Kind kind = Kind::Group;
    bool isLocked = false;
    bool isPublic = false;
    bool isReadOnly = false;
    bool isAnnouncementOnly = false;
    QDateTime lastActivity; ///< UTC; invalid when absent.
    QDateTime created;      ///< UTC; invalid when absent.
};

Q_DECLARE_METATYPE(Room)
