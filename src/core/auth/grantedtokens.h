#pragma once

class QOAuth2AuthorizationCodeFlow;
class TokenSet;

// Reads what a QOAuth2AuthorizationCodeFlow was granted (after sign-in or a refresh) into a
// TokenSet with absolute UTC expiry times.
class GrantedTokens
{
public:
    [[nodiscard]] static TokenSet read(const QOAuth2AuthorizationCodeFlow &flow);
};
