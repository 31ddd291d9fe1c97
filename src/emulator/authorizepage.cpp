#include "authorizepage.h"

#include <QStringList>

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const char kStyle[] = R"(
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
background:#f4f6f8;color:#1d1f21;display:flex;min-height:100vh;align-items:center;
justify-content:center}
.card{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);
padding:32px 40px;max-width:460px;width:100%}
.brand{font-weight:600;color:#07c;letter-spacing:.02em;margin-bottom:16px}
h1{font-size:1.3em;margin:0 0 12px}
.user{background:#eef3f7;border-radius:8px;padding:10px 14px;margin:16px 0}
ul{padding-left:20px}
code{background:#f0f0f0;border-radius:4px;padding:1px 5px}
.buttons{display:flex;gap:12px;justify-content:flex-end;margin-top:24px}
button{font-size:1em;padding:10px 20px;border-radius:20px;border:1px solid #888;
background:#fff;cursor:pointer}
button#accept{background:#07c;border-color:#07c;color:#fff}
.note{color:#666;font-size:.85em;margin-top:20px}
)";

} // namespace

QString AuthorizePage::frame(const QString &title, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%1</title><style>%2</style></head><body><main class=\"card\">"
                          "<div class=\"brand\">Webex (emulator)</div>%3</main></body></html>\n")
        .arg(esc(title), QString::fromUtf8(kStyle), body);
}

QString AuthorizePage::consent(const Consent &c)
{
    QStringList scopes;
    for (const QString &scope : c.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        scopes << QStringLiteral("<li><code>%1</code>%2</li>")
                      .arg(esc(scope), scope == QLatin1String("spark:all")
                                           ? QStringLiteral(" — full access to your Webex "
                                                            "account: spaces, messages, people")
                                           : QString());
    const QString body =
        QStringLiteral("<h1>Sign in and allow access</h1>"
                       "<div class=\"user\">Signed in as <strong>%1</strong><br>%2</div>"
                       "<p>The application <strong>Webex Desk</strong> (client id <code>%3</code>) "
                       "asks for:</p><ul>%4</ul>"
                       "<form method=\"post\" action=\"%5\">"
                       "<input type=\"hidden\" name=\"request_id\" value=\"%6\">"
                       "<div class=\"buttons\">"
                       "<button id=\"decline\" name=\"decision\" value=\"decline\" "
                       "type=\"submit\">Decline</button>"
                       "<button id=\"accept\" name=\"decision\" value=\"accept\" "
                       "type=\"submit\">Accept</button>"
                       "</div></form>"
                       "<p class=\"note\">This is the Webex emulator used for tests and demos. "
                       "No data leaves this computer.</p>")
            .arg(esc(c.userDisplayName), esc(c.userEmail), esc(c.clientId), scopes.join(QString()),
                 esc(c.decisionPath), esc(c.requestId));
    return frame(QStringLiteral("Webex – Allow access"), body);
}

QString AuthorizePage::error(const QString &title, const QString &message)
{
    return frame(title, QStringLiteral("<h1>%1</h1><p>%2</p>").arg(esc(title), esc(message)));
}
