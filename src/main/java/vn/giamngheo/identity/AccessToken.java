package vn.giamngheo.identity;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A personal access token as listed (the secret itself is shown once, at issue).
 *
 * @param id id
 * @param userId owner
 * @param name what the owner called it
 * @param prefix first characters of the token
 * @param createdAt issued
 * @param expiresAt expires
 * @param revokedAt revoked, if so
 * @param lastUsedAt last use (updated at most once a minute)
 */
public record AccessToken(long id, long userId, String name, String prefix, OffsetDateTime createdAt,
		OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

	/**
	 * Neither revoked nor expired.
	 * @param now now, from the application's clock
	 * @return whether the token still authenticates
	 */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && this.expiresAt.toInstant().isAfter(now);
	}

}
