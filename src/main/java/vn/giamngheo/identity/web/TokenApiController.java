package vn.giamngheo.identity.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.identity.AccessToken;
import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.AccessTokens.IssuedToken;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The signed-in user's personal access tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final AccessTokens tokens;

	TokenApiController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Requires(Permission.OWN_ACCOUNT)
	@GetMapping
	List<AccessToken> list() {
		return this.tokens.mine();
	}

	/** Issues a token; the secret is in this response only. */
	@Requires(Permission.OWN_ACCOUNT)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issue(@RequestBody TokenRequest request) {
		return this.tokens.issue(request.name(), request.days());
	}

	@Requires(Permission.OWN_ACCOUNT)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		this.tokens.revoke(id);
	}

	/**
	 * A token request.
	 *
	 * @param name what the token is for
	 * @param days lifetime in days (default 90)
	 */
	record TokenRequest(String name, Integer days) {
	}

}
