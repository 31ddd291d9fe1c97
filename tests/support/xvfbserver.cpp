#include "xvfbserver.h"

#include <QElapsedTimer>

XvfbServer::~XvfbServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool XvfbServer::start()
{
    // -displayfd 1: Xvfb writes the display number it chose to its stdout once it is ready.
    m_process.start(QStringLiteral("Xvfb"),
                    {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                     QStringLiteral("0"), QStringLiteral("1280x1024x24"),
                     QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    if (!m_process.waitForStarted(10000)) {
        m_error =
            QStringLiteral("cannot start Xvfb (apt install xvfb): %1").arg(m_process.errorString());
        return false;
    }
    QByteArray out;
    QElapsedTimer limit;
    limit.start();
    while (!out.contains('\n') && limit.elapsed() < 20000 &&
           m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    bool isNumber = false;
    const int number = out.trimmed().toInt(&isNumber);
    if (!isNumber) {
        m_error = QStringLiteral("Xvfb gave no display number: %1")
                      .arg(QString::fromLocal8Bit(m_process.readAllStandardError()));
        return false;
    }
    m_display = QStringLiteral(":%1").arg(number);
    return true;
}
