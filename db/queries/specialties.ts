// Specialty rows.
import type { Executor } from "../client";
import { specialties } from "../schema/catalog";
import { listPage, type Page } from "./catalog-shared";

/** A page of specialties. */
export const listSpecialties = (db: Executor, page: Page) => listPage(db, specialties, page);
