#pragma once

#include <QTextDocument>

// A QTextDocument that never loads a resource. The base class would read <img src> and
// stylesheet URLs from files and Qt resources; message content comes from other people, so
// even if the sanitiser (SafeHtml) let something through, nothing is fetched or read.
class InertTextDocument : public QTextDocument
{
    Q_OBJECT

public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};
