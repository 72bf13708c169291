// The demo's catalog: a clinic in Moscow and a barbershop in Berlin, so that two timezones (one with
// DST, one without), two currencies and Cyrillic names all show up in the app from the first start.
import type { NewClient, NewLocation, NewService, NewSpecialty } from "@/db/schema";
import type { Role } from "@/db/schema/users";

/** The worker whose day the demo's `worker` account sees at /me/day. */
export const DEMO_WORKER_ACCOUNT_SLUG = "anna-smirnova";

export const DEMO_USERS = [
  { role: "manager", email: "manager@demo.test", password: "demo-manager-pass", name: "Наталья Орлова" },
  { role: "admin", email: "admin@demo.test", password: "demo-admin-pass", name: "Tom Becker" },
  { role: "client", email: "client@demo.test", password: "demo-client-pass", name: "Павел Демидов" },
  { role: "worker", email: "worker@demo.test", password: "demo-worker-pass", name: "Анна Смирнова" },
] as const satisfies readonly { role: Role; email: string; password: string; name: string }[];

const CLINIC = {
  timezone: "Europe/Moscow",
  address: "Москва, Северный бульвар, 12",
  latitude: 55.8652,
  longitude: 37.6048,
};
const BARBERS = {
  timezone: "Europe/Berlin",
  address: "Oranienstraße 21, 10999 Berlin",
  latitude: 52.5005,
  longitude: 13.4192,
};

export const DEMO_LOCATIONS: NewLocation[] = [
  { ...CLINIC, slug: "north-clinic-cabinet-1", name: "Северная клиника · Кабинет 1", description: "Терапия" },
  { ...CLINIC, slug: "north-clinic-cabinet-2", name: "Северная клиника · Кабинет 2", description: "Стоматология" },
  { ...CLINIC, slug: "north-clinic-cabinet-3", name: "North Clinic · Cabinet 3", description: "Cardiology, ECG" },
  { ...CLINIC, slug: "north-clinic-massage", name: "Северная клиника · Массажный кабинет" },
  {
    ...CLINIC,
    slug: "north-clinic-meeting-room",
    name: "Переговорная «Байкал»",
    kind: "room",
    description: "8 мест, экран, доска. Бронируется почасово.",
  },
  { ...BARBERS, slug: "kiez-barbers-chair-1", name: "Kiez Barbers · Chair 1" },
  { ...BARBERS, slug: "kiez-barbers-chair-2", name: "Kiez Barbers · Chair 2" },
  { ...BARBERS, slug: "kiez-barbers-chair-3", name: "Kiez Barbers · Chair 3", description: "By the window" },
];

export const DEMO_ROOM_SLUG = "north-clinic-meeting-room";
export const DEMO_ROOM_SERVICE_SLUG = "meeting-room-hour";

export const DEMO_SPECIALTIES: NewSpecialty[] = [
  { slug: "therapist", name: "Терапевт" },
  { slug: "dentist", name: "Стоматолог" },
  { slug: "cardiologist", name: "Кардиолог" },
  { slug: "massage-therapist", name: "Массажист" },
  { slug: "barber", name: "Barber" },
];

const rub = (slug: string, name: string, durationMinutes: number, price: number, description?: string) =>
  ({ slug, name, durationMinutes, price, currency: "RUB", description }) satisfies NewService;
const eur = (slug: string, name: string, durationMinutes: number, price: number, description?: string) =>
  ({ slug, name, durationMinutes, price, currency: "EUR", description }) satisfies NewService;

export const DEMO_SERVICES: NewService[] = [
  rub("therapist-consultation", "Приём терапевта", 30, 2500, "Первичный осмотр и консультация"),
  rub("therapist-follow-up", "Повторный приём терапевта", 20, 1800),
  rub("dental-checkup", "Осмотр стоматолога", 30, 2000),
  rub("dental-cleaning", "Профессиональная чистка зубов", 60, 6500, "Ультразвук и Air Flow"),
  rub("dental-filling", "Лечение кариеса", 90, 9000),
  rub("cardiology-consultation", "Консультация кардиолога", 45, 3500),
  rub("ecg", "ЭКГ с расшифровкой", 20, 1500.5),
  rub("classic-massage", "Классический массаж", 60, 3000),
  rub("back-massage", "Массаж спины", 30, 1800),
  rub(DEMO_ROOM_SERVICE_SLUG, "Переговорная, 1 час", 60, 1500),
  eur("mens-haircut", "Men's haircut", 45, 35, "Wash, cut and styling"),
  eur("beard-trim", "Beard trim", 20, 18),
  eur("haircut-and-beard", "Haircut + beard", 60, 48),
  eur("kids-haircut", "Kids' haircut (under 12)", 30, 22),
];

/** Wall-clock working hours in the location's timezone; ISO weekdays, Monday = 1. */
export type DemoRule = { weekdays: readonly number[]; start: string; end: string };

export type DemoWorker = {
  slug: string;
  name: string;
  bio?: string;
  specialty: string;
  location: string;
  services: readonly string[];
  slotStepMinutes?: number;
  rules: readonly DemoRule[];
};

const MON_SAT = [1, 2, 3, 4, 5, 6];
const MON_FRI = [1, 2, 3, 4, 5];
const THERAPY = ["therapist-consultation", "therapist-follow-up"];
const BARBERING = ["mens-haircut", "beard-trim", "haircut-and-beard", "kids-haircut"];

// Workers who share a workplace split it by hours or by weekdays: the database refuses two workers
// in one workplace at once, and a seed that trips over that would be no demo at all.
export const DEMO_WORKERS: readonly DemoWorker[] = [
  {
    slug: "anna-smirnova",
    name: "Анна Смирнова",
    bio: "Терапевт, стаж 12 лет. Принимает утром.",
    specialty: "therapist",
    location: "north-clinic-cabinet-1",
    services: THERAPY,
    slotStepMinutes: 15,
    rules: [{ weekdays: MON_SAT, start: "09:00", end: "14:00" }],
  },
  {
    slug: "dmitry-volkov",
    name: "Дмитрий Волков",
    bio: "Терапевт. Вечерний приём для тех, кто работает днём.",
    specialty: "therapist",
    location: "north-clinic-cabinet-1",
    services: THERAPY,
    rules: [{ weekdays: MON_SAT, start: "14:00", end: "20:00" }],
  },
  {
    slug: "elena-kuznetsova",
    name: "Елена Кузнецова",
    bio: "Стоматолог-терапевт.",
    specialty: "dentist",
    location: "north-clinic-cabinet-2",
    services: ["dental-checkup", "dental-cleaning", "dental-filling"],
    slotStepMinutes: 30,
    rules: [{ weekdays: MON_FRI, start: "09:00", end: "18:00" }],
  },
  {
    slug: "igor-petrov",
    name: "Igor Petrov",
    bio: "Dentist, hygiene and check-ups on Saturdays.",
    specialty: "dentist",
    location: "north-clinic-cabinet-2",
    services: ["dental-checkup", "dental-cleaning"],
    rules: [{ weekdays: [6], start: "10:00", end: "16:00" }],
  },
  {
    slug: "olga-sokolova",
    name: "Ольга Соколова",
    specialty: "cardiologist",
    location: "north-clinic-cabinet-3",
    services: ["cardiology-consultation", "ecg"],
    rules: [{ weekdays: [1, 3, 5], start: "09:00", end: "18:00" }],
  },
  {
    slug: "sergey-morozov",
    name: "Сергей Морозов",
    bio: "Терапевт, делает ЭКГ.",
    specialty: "therapist",
    location: "north-clinic-cabinet-3",
    services: [...THERAPY, "ecg"],
    rules: [{ weekdays: [2, 4, 6], start: "09:00", end: "18:00" }],
  },
  {
    slug: "maria-ivanova",
    name: "Мария Иванова",
    bio: "Массажист, лечебный и классический массаж.",
    specialty: "massage-therapist",
    location: "north-clinic-massage",
    services: ["classic-massage", "back-massage"],
    slotStepMinutes: 30,
    rules: [{ weekdays: MON_SAT, start: "10:00", end: "20:00" }],
  },
  {
    slug: "lukas-weber",
    name: "Lukas Weber",
    bio: "Classic cuts and hot-towel shaves.",
    specialty: "barber",
    location: "kiez-barbers-chair-1",
    services: BARBERING,
    rules: [{ weekdays: MON_SAT, start: "10:00", end: "19:00" }],
  },
  {
    slug: "mia-schneider",
    name: "Mia Schneider",
    specialty: "barber",
    location: "kiez-barbers-chair-2",
    services: BARBERING,
    slotStepMinutes: 15,
    rules: [{ weekdays: [2, 3, 4, 5, 6], start: "10:00", end: "20:00" }],
  },
  {
    slug: "jonas-fischer",
    name: "Jonas Fischer",
    specialty: "barber",
    location: "kiez-barbers-chair-3",
    services: ["mens-haircut", "beard-trim", "haircut-and-beard"],
    rules: [{ weekdays: MON_FRI, start: "12:00", end: "20:00" }],
  },
  {
    slug: "aleksei-novikov",
    name: "Алексей Новиков",
    bio: "Barber. Early mornings on weekdays, all day on Saturday.",
    specialty: "barber",
    location: "kiez-barbers-chair-3",
    services: BARBERING,
    rules: [
      { weekdays: MON_FRI, start: "08:00", end: "12:00" },
      { weekdays: [6], start: "09:00", end: "17:00" },
    ],
  },
];

/** Past appointments that give the history and the stats something to show. */
export const DEMO_PAST = [
  { worker: "anna-smirnova", status: "completed" },
  { worker: "dmitry-volkov", status: "cancelled" },
  { worker: "maria-ivanova", status: "completed" },
  { worker: "lukas-weber", status: "no_show" },
  { worker: "lukas-weber", status: "completed" },
] as const;

export const DEMO_CLIENTS: NewClient[] = [
  { name: "Иван Петров", phone: "+7 916 123-45-67", email: "ivan.petrov@example.com", gender: "male" },
  { name: "Екатерина Белова", phone: "+7 903 555-12-34", email: "e.belova@example.com", gender: "female" },
  { name: "Ольга Васильева", phone: "+7 925 700-00-11", gender: "female", birthDate: "1986-04-12" },
  { name: "Михаил Орлов", phone: "+7 999 010-20-30", email: "m.orlov@example.com", gender: "male" },
  { name: "Sophie Müller", phone: "+49 30 1234567", email: "sophie.mueller@example.com", gender: "female" },
  { name: "Max Hoffmann", phone: "+49 151 2345678", email: "max.hoffmann@example.com", gender: "male" },
  { name: "Léa Dubois", email: "lea.dubois@example.com", gender: "female", notes: "Prefers the window chair" },
  { name: "Ahmet Yılmaz", phone: "+49 176 9876543", gender: "male" },
];
