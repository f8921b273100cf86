package com.erp.approvalrequest.persistence;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * MongoDB is UP when it answers {@code ping}. Spring Boot's own indicator sends {@code hello}, which the
 * MongoDB-wire server of the quick start (mongo-java-server) does not implement; {@code ping} works on it and
 * on MongoDB, Atlas and DocumentDB alike.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient mongo;
    private final String database;

    public MongoPingHealthIndicator(MongoClient mongo, String database) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.getDatabase(database).runCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN").withDetail("database", database);
    }
}
