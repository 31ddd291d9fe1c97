#include "model/linkrule.h"

#include <QUrl>

QString LinkRule::openableHref(const QString &target)
{
    QString href;
    href.reserve(target.size());
    for (const QChar c : target) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7F)
            href.append(c);
    }
    const QUrl url(href, QUrl::StrictMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto") && !url.path().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
        !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return {};
}
