#pragma once

#include "api/apibase.h"

#include <QUrl>

// Where Webex Desk registers its device (--device-service, docs/LIVE-EVENTS.md 2.1): Webex's
// default WDM host, or the emulator's for the demo. The URL is validated as --api-base is
// (ApiBase::fromUserInput: https, plain http only for loopback hosts), since the token goes there.
namespace DeviceService {

// https://wdm-a.wbx2.com/wdm/api/v1 (WB's DEFAULT_DEVICE_URL, WR's registration host). No U2C
// look-up: accounts outside the US cluster may need another host, given with --device-service.
[[nodiscard]] QUrl defaultUrl();
[[nodiscard]] ApiBase defaultBase();

// The emulator's device service: <origin of its API base>/wdm/api/v1.
[[nodiscard]] ApiBase ofEmulator(const ApiBase &emulatorApi);

} // namespace DeviceService
