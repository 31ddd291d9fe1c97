#pragma once

#include <QDialog>
#include <QImage>

class QLabel;
class QPushButton;
class QScrollArea;

// A picture someone sent, full size, in a window of its own: scrolled when it is larger than
// the screen, with Save (into Downloads, as any file) and Close; Escape closes it. The picture
// comes later (setImage) or not at all (showProblem): the window says it loads meanwhile.
class ImageViewer : public QDialog
{
    Q_OBJECT

public:
    explicit ImageViewer(const QString &fileName, QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void showProblem(const QString &sentence);

    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool hasImage() const { return !m_image.isNull(); }
    [[nodiscard]] QSize imageSize() const { return m_image.size(); }

signals:
    void saveRequested();

private:
    QLabel *m_status;
    QLabel *m_picture;
    QScrollArea *m_scroll;
    QPushButton *m_save;
    QImage m_image;
};
