#pragma once

class StoredSession;
class WebexEmulator;

// A session of an earlier sign-in to `emulator`, as the app would have remembered it: its
// client, a fresh access token valid for 14 days, and a refresh token the emulator accepts (so a
// refused token, 4401 on the live socket, is renewed for real).
[[nodiscard]] StoredSession sessionSignedInTo(WebexEmulator &emulator);
