#include "imageviewer.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

ImageViewer::ImageViewer(const QString &fileName, QWidget *parent)
    : QDialog(parent), m_status(new QLabel(this)), m_picture(new QLabel),
      m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("imageViewer"));
    setWindowTitle(fileName);
    setAttribute(Qt::WA_DeleteOnClose);
    m_status->setObjectName(QStringLiteral("imageViewerStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setText(tr("Loading %1…").arg(fileName));
    m_status->setAccessibleName(m_status->text());
    m_picture->setObjectName(QStringLiteral("imageViewerPicture"));
    m_picture->setAlignment(Qt::AlignCenter);
    // What a screen reader says of the picture: its name (nothing more is known of it).
    m_picture->setAccessibleName(tr("Picture: %1").arg(fileName));
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setAccessibleName(tr("Picture: %1").arg(fileName));
    m_scroll->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save to Downloads"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("imageViewerSave"));
    m_save->setAccessibleName(tr("Save %1 to Downloads").arg(fileName));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the picture"));
    connect(m_save, &QPushButton::clicked, this, &ImageViewer::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buttons);
    resize(480, 320);
}

void ImageViewer::setImage(const QImage &image)
{
    m_image = image;
    m_picture->setPixmap(QPixmap::fromImage(image));
    m_status->setVisible(false);
    m_scroll->setVisible(true);
    // As large as the picture, within most of the screen.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QSize room = screen ? screen->availableSize() * 0.85 : QSize(1024, 768);
    const QSize wanted = (image.deviceIndependentSize().toSize() + QSize(40, 90));
    resize(wanted.boundedTo(room).expandedTo(QSize(320, 240)));
}

void ImageViewer::showProblem(const QString &sentence)
{
    m_status->setText(sentence);
    m_status->setAccessibleName(sentence);
    m_status->setVisible(true);
    m_scroll->setVisible(false);
}

QString ImageViewer::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}
