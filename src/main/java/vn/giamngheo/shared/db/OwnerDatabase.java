package vn.giamngheo.shared.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the owner's {@link javax.sql.DataSource} (ADR 0015): the role that owns the
 * schema, for migrations, the demo load (DDL, {@code analyze}) and backups. Every
 * connection is a new session (no pool). Requests use the application's data source.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface OwnerDatabase {

}
