import type { MetadataRoute } from "next";

// The web app manifest: installed from a phone, Slotwise opens on the specialist's own day. The
// name is the brand, the same in every language (common.appName).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Slotwise",
    short_name: "Slotwise",
    start_url: "/me/day",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0f766e",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
