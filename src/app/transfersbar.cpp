#include "transfersbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

TransfersBar::TransfersBar(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("transfersBar"));
    setAccessibleName(tr("Files being sent and downloaded"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    setVisible(false);
}

TransfersBar::Line &TransfersBar::line(const QString &key)
{
    auto found = m_lines.find(key);
    if (found != m_lines.end())
        return *found;
    Line line;
    line.row = new QWidget(this);
    line.label = new QLabel(line.row);
    line.label->setTextFormat(Qt::PlainText); // file names other people chose
    line.label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    line.progress = new QProgressBar(line.row);
    line.progress->setMaximumWidth(160);
    line.progress->setTextVisible(true);
    line.cancel = new QPushButton(tr("Cancel"), line.row);
    line.showInFolder = new QPushButton(tr("Show in Folder"), line.row);
    line.dismiss = new QPushButton(tr("Dismiss"), line.row);
    auto *row = new QHBoxLayout(line.row);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(line.label, 1);
    row->addWidget(line.progress);
    row->addWidget(line.cancel);
    row->addWidget(line.showInFolder);
    row->addWidget(line.dismiss);
    m_layout->addWidget(line.row);
    connect(line.cancel, &QPushButton::clicked, this, [this, key] { emit cancelRequested(key); });
    connect(line.showInFolder, &QPushButton::clicked, this, [this, key] {
        const auto it = m_lines.constFind(key);
        if (it != m_lines.cend() && !it->path.isEmpty())
            emit showInFolderRequested(it->path);
    });
    connect(line.dismiss, &QPushButton::clicked, this, [this, key] { remove(key); });
    m_order.append(key);
    setVisible(true);
    return *m_lines.insert(key, line);
}

void TransfersBar::setText(Line &line, const QString &text)
{
    line.label->setText(text);
    line.label->setAccessibleName(text);
    // Each button says which file it is for: a screen reader reads them out of their line.
    line.progress->setAccessibleName(tr("Progress: %1").arg(text));
    line.cancel->setAccessibleName(tr("Cancel: %1").arg(text));
    line.showInFolder->setAccessibleName(tr("Show in folder: %1").arg(text));
    line.dismiss->setAccessibleName(tr("Dismiss: %1").arg(text));
}

void TransfersBar::showProgress(const QString &key, const QString &text, int percent,
                                bool cancellable)
{
    Line &l = line(key);
    l.running = true;
    setText(l, text);
    if (percent < 0) {
        l.progress->setRange(0, 0); // busy
    } else {
        l.progress->setRange(0, 100);
        l.progress->setValue(qBound(0, percent, 100));
    }
    l.progress->setVisible(true);
    l.cancel->setVisible(cancellable);
    l.showInFolder->setVisible(false);
    l.dismiss->setVisible(false);
}

void TransfersBar::showDone(const QString &key, const QString &text, const QString &path)
{
    Line &l = line(key);
    l.running = false;
    l.path = path;
    setText(l, text);
    l.progress->setVisible(false);
    l.cancel->setVisible(false);
    l.showInFolder->setVisible(!path.isEmpty());
    l.dismiss->setVisible(true);
    dropOldFinished();
}

void TransfersBar::showFailed(const QString &key, const QString &text)
{
    showDone(key, text);
}

void TransfersBar::remove(const QString &key)
{
    const auto it = m_lines.find(key);
    if (it == m_lines.end())
        return;
    // Later: the button that asked may be inside this row.
    it->row->hide();
    it->row->deleteLater();
    m_lines.erase(it);
    m_order.removeAll(key);
    setVisible(!m_lines.isEmpty());
}

void TransfersBar::dropOldFinished()
{
    for (int i = 0; m_lines.size() > MaxLines && i < m_order.size();) {
        const QString key = m_order.at(i);
        if (m_lines.value(key).running)
            ++i;
        else
            remove(key);
    }
}

QString TransfersBar::text(const QString &key) const
{
    const auto it = m_lines.constFind(key);
    return it == m_lines.cend() ? QString() : it->label->text();
}

int TransfersBar::percent(const QString &key) const
{
    const auto it = m_lines.constFind(key);
    if (it == m_lines.cend() || it->progress->isHidden() || it->progress->maximum() == 0)
        return -1;
    return it->progress->value();
}

QPushButton *TransfersBar::cancelButton(const QString &key) const
{
    const auto it = m_lines.constFind(key);
    return it == m_lines.cend() ? nullptr : it->cancel;
}

QPushButton *TransfersBar::showInFolderButton(const QString &key) const
{
    const auto it = m_lines.constFind(key);
    return it == m_lines.cend() ? nullptr : it->showInFolder;
}
