import { describe, expect, it } from "vitest";
import { GET as asset } from "@/app/api/docs/[asset]/route";

const get = (name: string) =>
  asset(new Request(`http://localhost/api/docs/${name}`), { params: Promise.resolve({ asset: name }) });

describe("API reference assets (/api/docs/[asset])", () => {
  it("serves the viewer's script and styles from the installed package", async () => {
    const script = await get("swagger-ui-bundle.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("SwaggerUIBundle");
    const styles = await get("swagger-ui.css");
    expect(styles.status).toBe(200);
    expect(styles.headers.get("content-type")).toContain("text/css");
  });

  it("answers 404 for any other name, so no other file can be read", async () => {
    for (const name of ["package.json", "..%2Fpackage.json", "index.html", "swagger-ui-bundle.js.map"]) {
      expect((await get(name)).status, name).toBe(404);
    }
  });

  it("answers 404 in the API's error shape for names an object inherits, not a 500", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      const res = await get(name);
      expect(res.status, name).toBe(404);
      expect(res.headers.get("content-type"), name).toContain("application/json");
      expect(await res.json(), name).toEqual({ error: { code: "not_found", message: "Asset not found." } });
    }
  });
});
