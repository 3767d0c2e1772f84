package org.mentoringanalytics.app;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.execution.SparkSqlParser;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The analyst's SQL door: a query is parsed (not run) and accepted only when it is a read-only
 * SELECT over the tables the command registered. Every node of the parsed plan must be a query
 * operator from a fixed list (so no DDL, DML, SET, ADD JAR, EXECUTE IMMEDIATE or IDENTIFIER()),
 * every table a registered name or a WITH name of the query (so no {@code parquet.`path`} and no
 * table-valued function), and no function may reach the JVM, the environment or the file system
 * ({@code reflect}, {@code java_method}, {@code input_file_name}, the XML readers, ...).
 */
final class ReadOnlyQuery {

    /** Query operators of Spark's parsed (unresolved) plans that only read. */
    private static final Set<String> OPERATORS = Set.of("Project", "Filter", "Aggregate", "Join", "Sort", "GlobalLimit",
            "LocalLimit", "Offset", "Tail", "SubqueryAlias", "UnresolvedRelation", "UnresolvedWith", "CTERelationRef",
            "Union", "Distinct", "Deduplicate", "Generate", "Except", "Intersect", "OneRowRelation", "UnresolvedHint",
            "Pivot", "Unpivot", "RepartitionByExpression", "Sample", "WithWindowDefinition", "LateralJoin",
            "LocalRelation", "Window", "Expand", "UnresolvedHaving", "UnresolvedInlineTable",
            "UnresolvedSubqueryColumnAliases");

    /** Functions that read files, call Java or reveal the runtime. */
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect",
            "input_file_name", "input_file_block_start", "input_file_block_length", "xpath", "xpath_boolean",
            "xpath_double", "xpath_float", "xpath_int", "xpath_long", "xpath_number", "xpath_short", "xpath_string",
            "from_xml", "schema_of_xml", "current_user", "user", "session_user", "version");

    private static final Set<String> PERSON_LEVEL = personLevelTables();

    private static Set<String> personLevelTables() {
        Set<String> names = new HashSet<>();
        for (org.mentoringanalytics.contracts.TableContract t : org.mentoringanalytics.contracts.Tables.all()) {
            if (t.layer() == org.mentoringanalytics.contracts.Layer.STAGING
                    || t.layer() == org.mentoringanalytics.contracts.Layer.INTERMEDIATE) {
                names.add(t.name());
            }
        }
        return Set.copyOf(names);
    }

    private ReadOnlyQuery() {
    }

    /**
     * @param sql    the analyst's query
     * @param tables names the query may read (lower case)
     * @throws IllegalArgumentException naming what is not allowed
     */
    static void check(String sql, Set<String> tables) {
        check(sql, tables, java.util.Map.of());
    }

    /**
     * @param unavailable why a known table cannot be read here, by name (for example: not built yet)
     */
    static void check(String sql, Set<String> tables, java.util.Map<String, String> unavailable) {
        LogicalPlan plan;
        try {
            plan = new SparkSqlParser().parsePlan(sql);
        } catch (Exception e) {
            // Spark's ParseException (undeclared in Scala) says in its first line what is wrong and where.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message));
        }
        check(plan, tables, new HashSet<>(), unavailable);
    }

    private static void check(LogicalPlan plan, Set<String> tables, Set<String> withNames,
                              java.util.Map<String, String> unavailable) {
        String operator = plan.getClass().getSimpleName();
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("only read-only SELECT queries over the warehouse's tables are allowed"
                    + " (this query has " + describe(operator) + ")");
        }
        Set<String> names = new HashSet<>(withNames);
        if (plan instanceof UnresolvedWith with) {
            for (var relation : CollectionConverters.asJava(with.cteRelations())) {
                names.add(relation._1().toLowerCase(Locale.ROOT));
            }
        }
        if (plan instanceof UnresolvedRelation relation) {
            List<String> parts = CollectionConverters.asJava(relation.multipartIdentifier());
            String name = String.join(".", parts).toLowerCase(Locale.ROOT);
            if (!names.contains(name) || parts.size() != 1) {
                java.util.Set<String> readable = new HashSet<>(tables);
                readable.addAll(names);
                java.util.Optional<String> refusal = TableAccess.refusal(name, readable, unavailable);
                if (refusal.isPresent()) {
                    throw new IllegalArgumentException(refusal.get());
                }
            }
        }
        for (Expression e : CollectionConverters.asJava(plan.expressions())) {
            check(e, tables, names, unavailable);
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            check(child, tables, names, unavailable);
        }
        if (plan instanceof UnresolvedWith with) {
            for (var relation : CollectionConverters.asJava(with.cteRelations())) {
                check(relation._2(), tables, names, unavailable);
            }
        }
    }

    private static void check(Expression expression, Set<String> tables, Set<String> withNames,
                              java.util.Map<String, String> unavailable) {
        if (expression instanceof UnresolvedFunction function) {
            List<String> parts = CollectionConverters.asJava(function.nameParts());
            String name = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            if (parts.size() != 1 || FORBIDDEN_FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("function " + String.join(".", parts)
                        + " is not allowed: it reaches outside the warehouse's tables");
            }
        }
        if (expression instanceof SubqueryExpression subquery) {
            check(subquery.plan(), tables, withNames, unavailable);
        }
        for (Expression child : CollectionConverters.asJava(expression.children())) {
            check(child, tables, withNames, unavailable);
        }
    }

    private static String describe(String operator) {
        String words = operator.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.startsWith("unresolved ") ? words.substring("unresolved ".length()) : words;
    }
}
