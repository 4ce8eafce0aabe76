package vn.giamngheo.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;

/**
 * Makes {@link Fixtures} for an integration test, so that a test autowires this one bean
 * instead of the four that Fixtures needs.
 */
@TestComponent
public class FixtureFactory {

	private final JdbcClient jdbc;

	private final UserDirectory directory;

	private final UserRepository users;

	private final TransactionTemplate tx;

	FixtureFactory(JdbcClient jdbc, UserDirectory directory, UserRepository users, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.users = users;
		this.tx = tx;
	}

	/** New fixtures with a tag of their own. */
	public Fixtures create() {
		return new Fixtures(this.jdbc, this.directory, this.users, this.tx);
	}

}
