export { ClientDataLayout as default } from "@/components/client-data-layout";
