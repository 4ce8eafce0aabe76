package vn.giamngheo.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.identity.persistence.UserRepository.TokenMatch;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;

/**
 * Personal access tokens: {@code gnp_} + 32 random bytes (base64url). Only the SHA-256 of
 * the token is stored; the token is shown once. A lookup is one indexed query.
 */
@Service
public class AccessTokens {

	static final String PREFIX = "gnp_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final AuditTrail audit;

	private final CurrentActor current;

	private final AccessProperties properties;

	private final Clock clock;

	private final Map<Long, Long> lastTouch = new ConcurrentHashMap<>();

	public AccessTokens(UserRepository users, AuditTrail audit, CurrentActor current, AccessProperties properties,
			Optional<Clock> clock) {
		this.users = users;
		this.audit = audit;
		this.current = current;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Issues a token to the signed-in user. The secret is in the result only. */
	@Transactional
	public IssuedToken issue(String name, Integer days) {
		this.current.require(Permission.OWN_ACCOUNT);
		long userId = this.current.userId();
		if (userId < 0) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.role");
		}
		String label = (name == null) ? "" : name.strip();
		int lifetime = (days == null) ? 90 : days;
		if (label.isEmpty() || label.length() > 80) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("name", "error.field.required")));
		}
		if (lifetime < 1 || lifetime > this.properties.tokenMaxDays()) {
			throw DomainException
				.invalid(List.of(new DomainException.FieldProblem("days", "error.field.invalid", days)));
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		OffsetDateTime expires = OffsetDateTime.now(this.clock).plusDays(lifetime);
		long id = this.users.insertToken(userId, label, sha256(token), token.substring(0, 12), expires);
		this.audit.record(new AuditEntry(this.current.get().username(), "ISSUE", "TOKEN", String.valueOf(id), null,
				null, null, Map.of("name", new Change(null, label), "expiresAt", new Change(null, expires.toString())),
				null));
		return new IssuedToken(id, label, token, expires);
	}

	/** The signed-in user's tokens. */
	public List<AccessToken> mine() {
		return this.users.tokensOf(this.current.userId());
	}

	/** Tokens of any user (administrator). */
	public List<AccessToken> of(long userId) {
		this.current.require(Permission.USER_ADMIN);
		return this.users.tokensOf(userId);
	}

	/** Revokes a token: the owner's own, or any for the administrator. Unknown → 404. */
	@Transactional
	public void revoke(long tokenId) {
		this.current.require(Permission.OWN_ACCOUNT);
		AccessToken token = this.users.token(tokenId)
			.filter((t) -> t.userId() == this.current.userId() || this.current.may(Permission.USER_ADMIN))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		if (this.users.revokeToken(token.id())) {
			this.audit.record(new AuditEntry(this.current.get().username(), "REVOKE", "TOKEN",
					String.valueOf(token.id()), null, null, null, Map.of("revoked", new Change(false, true)), null));
		}
	}

	/**
	 * The owner of a presented token, if the token is known, not revoked, not expired.
	 * @param token the presented token
	 * @return the lookup (check {@link TokenMatch#usable})
	 */
	public Optional<TokenMatch> lookup(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 43) {
			return Optional.empty();
		}
		Optional<TokenMatch> match = this.users.findByTokenHash(sha256(token));
		match.filter((m) -> m.usable(this.clock.instant())).ifPresent((m) -> touch(m.tokenId()));
		return match;
	}

	/**
	 * Writes last-used at most once a minute per token, so a busy client costs no writes.
	 */
	private void touch(long tokenId) {
		long now = System.nanoTime();
		Long last = this.lastTouch.get(tokenId);
		if (last == null || now - last > 60_000_000_000L) {
			this.lastTouch.put(tokenId, now);
			this.users.touchToken(tokenId);
		}
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A newly issued token.
	 *
	 * @param id id
	 * @param name name
	 * @param token the secret, shown once
	 * @param expiresAt expiry
	 */
	public record IssuedToken(long id, String name, String token, OffsetDateTime expiresAt) implements Serializable {
	}

}
