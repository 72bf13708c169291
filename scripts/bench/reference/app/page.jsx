// A dynamic page (rendered on every request) listing 20 rows from PostgreSQL.
import { sql } from "../lib/db.mjs";

export const dynamic = "force-dynamic";

export default async function Page() {
  const rows = await sql()`select id, slug, name from workers order by slug limit 20`;
  return (
    <main>
      <h1>Workers</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <a href={`/workers/${row.slug}`}>{row.name}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
