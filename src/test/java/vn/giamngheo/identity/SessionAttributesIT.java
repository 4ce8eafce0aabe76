package vn.giamngheo.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session read it, both set the same new attribute and both save (a
 * page and its htmx fragments at once): both saves land, the last one's value stays.
 * Before the upsert the second save failed on the attribute's primary key, and its
 * request answered 500.
 */
@IntegrationTest
class SessionAttributesIT {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void twoRequestsOfOneSessionSettingTheSameNewAttributeBothSave() {
		SessionRepository<Session> repository = (SessionRepository) this.sessions;
		Session session = repository.createSession();
		session.setAttribute("first", "x");
		repository.save(session);
		try {
			Session one = repository.findById(session.getId());
			Session two = repository.findById(session.getId());
			one.setAttribute("unit", "Xã Tây Giang");
			two.setAttribute("unit", "Xã Sì Lở Lầu");
			repository.save(one);
			repository.save(two);
			assertThat((String) repository.findById(session.getId()).getAttribute("unit")).isEqualTo("Xã Sì Lở Lầu");
		}
		finally {
			repository.deleteById(session.getId());
		}
	}

}
