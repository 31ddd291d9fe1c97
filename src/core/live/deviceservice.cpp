#include "live/deviceservice.h"

namespace DeviceService {

QUrl defaultUrl()
{
    return QUrl(QStringLiteral("https://wdm-a.wbx2.com/wdm/api/v1"));
}

ApiBase defaultBase()
{
    // Valid by construction; the fallback only keeps the type total.
    return ApiBase::fromUserInput(defaultUrl().toString()).value_or(ApiBase());
}

ApiBase ofEmulator(const ApiBase &emulatorApi)
{
    QUrl url = emulatorApi.baseUrl();
    url.setPath(QStringLiteral("/wdm/api/v1"));
    return ApiBase::fromUserInput(url.toString()).value_or(emulatorApi);
}

} // namespace DeviceService
