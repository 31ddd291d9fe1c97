#include "model/linkifiedtext.h"

#include "model/safehtmlwriter.h"

#include <QRegularExpression>

namespace {

void writeLines(SafeHtmlWriter *writer, QStringView text)
{
    qsizetype from = 0;
    for (qsizetype newline; (newline = text.indexOf(QLatin1Char('\n'), from)) >= 0;
         from = newline + 1) {
        writer->text(text.mid(from, newline - from));
        writer->lineBreak();
    }
    writer->text(text.mid(from));
}

} // namespace

void LinkifiedText::write(SafeHtmlWriter *writer, QStringView text)
{
    static const QRegularExpression address(QStringLiteral("https?://[^\\s<>\"'`]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = address.globalMatch(text);
    while (it.hasNext() && !writer->isCut()) {
        const QRegularExpressionMatch match = it.next();
        QStringView link = match.capturedView();
        while (!link.isEmpty() && QStringView(u".,;:!?)]}'").contains(link.back()))
            link.chop(1);
        writeLines(writer, text.mid(last, match.capturedStart() - last));
        writer->openLink(link.toString()); // a refused address stays as text
        writer->text(link);
        writer->close();
        last = match.capturedStart() + link.size();
    }
    writeLines(writer, text.mid(last));
}
