package vn.giamngheo.identity.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.identity.AccessToken;
import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.UserAccount;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.UserDirectory.NewUser;
import vn.giamngheo.identity.UserDirectory.UserChange;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** User administration (system administrator). */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final UserDirectory directory;

	private final AccessTokens tokens;

	UserApiController(UserDirectory directory, AccessTokens tokens) {
		this.directory = directory;
		this.tokens = tokens;
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping
	List<UserAccount> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.directory.list(q, page, size);
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping("/{id}")
	UserAccount get(@PathVariable long id) {
		return this.directory.get(id);
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserAccount create(@RequestBody NewUser user) {
		return this.directory.create(user);
	}

	@Requires(Permission.USER_ADMIN)
	@PutMapping("/{id}")
	UserAccount update(@PathVariable long id, @RequestBody UserChange change) {
		return this.directory.update(id, change);
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping("/{id}/tokens")
	List<AccessToken> tokens(@PathVariable long id) {
		return this.tokens.of(id);
	}

	@Requires(Permission.USER_ADMIN)
	@DeleteMapping("/{id}/tokens/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @PathVariable long tokenId) {
		this.tokens.of(id)
			.stream()
			.filter((t) -> t.id() == tokenId)
			.findFirst()
			.orElseThrow(() -> vn.giamngheo.shared.error.DomainException.notFound("TOKEN", tokenId));
		this.tokens.revoke(tokenId);
	}

}
